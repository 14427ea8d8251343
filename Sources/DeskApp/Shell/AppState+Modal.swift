import TerminalUI

/// Keys while a dialog, form, note, picker, the help or a QR code is open: they never reach the view below.
extension AppState {
    mutating func handleModalKey(_ key: Key) -> [AppCommand] {
        switch modal {
        case .confirm(let dialog)?: return answer(dialog, key)
        case .note(var note)?:
            switch key {
            case .escape:
                modal = nil
                showFlash("note not saved", level: .info)
            case .enter:
                guard note.state.validate() else {
                    modal = .note(note)
                    return []
                }
                modal = nil
                showFlash("saving the note…", level: .info)
                return [.addNote(customerId: note.customerId, text: note.text)]
            default:
                note.state.apply(key)
                modal = .note(note)
            }
        case .form(var form)?:
            switch key {
            case .escape:
                modal = nil
            case .enter:
                guard form.state.validate() else {
                    modal = .form(form)
                    return []
                }
                modal = nil
                let cleared = form.clearedFields.map { $0.lowercased() }
                showFlash(cleared.isEmpty ? "saving…" : "saving, clearing the \(cleared.joined(separator: " and "))…", level: .info)
                switch form.mode {
                case .create: return [.createCustomer(form.draft)]
                case .edit(let id): return [.updateCustomer(id: id, form.draft)]
                }
            default:
                form.state.apply(key)
                modal = .form(form)
            }
        case .picker(var picker)?:
            switch key {
            case .escape:
                modal = nil
            case .enter:
                guard let index = picker.state.selectedOption else { return [] }
                modal = nil
                let option = picker.options[index]
                showFlash("asking for a \(option.currency.rawValue) address…", level: .info)
                return [.requestAddress(customerId: picker.customerId, currency: option.currency)]
            default:
                let rows = Picker(title: "", state: picker.state).visibleRows(in: layout.body)
                picker.state.apply(key, visibleRows: rows)
                modal = .picker(picker)
            }
        case .help(let offset)?:
            switch keyMap.action(for: key) {
            case .moveDown?: modal = .help(offset: offset + 1)
            case .moveUp?: modal = .help(offset: max(0, offset - 1))
            case .pageDown?: modal = .help(offset: offset + 10)
            case .pageUp?: modal = .help(offset: max(0, offset - 10))
            default: modal = nil
            }
        case .qrCode?:
            modal = nil
        case .copyChooser(var chooser)?:
            return choose(&chooser, key)
        case nil:
            break
        }
        return []
    }

    private mutating func choose(_ chooser: inout CopyChooser, _ key: Key) -> [AppCommand] {
        if case .character(let letter) = key, let choice = chooser.choices.first(where: { $0.letter == letter }) {
            modal = nil
            return copy(choice.value)
        }
        switch key {
        case .escape:
            modal = nil
            showFlash("nothing copied", level: .info, seconds: 2)
            return []
        case .enter, .character("y"):
            modal = nil
            return chooser.choices[safe: chooser.selected].map { copy($0.value) } ?? []
        default:
            break
        }
        switch keyMap.action(for: key) {
        case .moveDown?: chooser.selected = min(chooser.selected + 1, chooser.choices.count - 1)
        case .moveUp?: chooser.selected = max(chooser.selected - 1, 0)
        default: break
        }
        modal = .copyChooser(chooser)
        return []
    }

    /// Only `y` confirms; Enter never does, so a stray Enter cannot block anyone. Tab moves into the
    /// reason field, where every key is text until tab or enter leaves it.
    private mutating func answer(_ dialog: ConfirmState, _ key: Key) -> [AppCommand] {
        var dialog = dialog
        let pending = dialog.pending
        if dialog.isEditingReason {
            switch key {
            case .escape:
                modal = nil
                showFlash("\(pending.verb.lowercased()) cancelled", level: .info)
                return []
            case .tab, .backTab, .enter:
                dialog.isEditingReason = false
            default:
                dialog.reason.apply(key)
            }
            modal = .confirm(dialog)
            return []
        }
        switch key {
        case .character("y"), .character("Y"):
            modal = nil
            for index in views.indices { views[index].confirmed(pending) }
            let reason = dialog.givenReason
            showFlash("\(pending.verb == "Block" ? "blocking" : "unblocking") \(describe(pending.customerIds))\(reason.map { " (\($0))" } ?? "")…",
                      level: .info)
            return [pending.command(reason: reason)]
        case .character("n"), .character("N"), .escape:
            modal = nil
            showFlash("\(pending.verb.lowercased()) cancelled", level: .info)
        case .tab, .backTab:
            dialog.isEditingReason = true
            modal = .confirm(dialog)
        case .enter:
            showFlash("press y to \(pending.verb.lowercased()), n or esc to cancel", level: .warning)
        default:
            break
        }
        return []
    }

    /// "ann@example.com" for one customer, "3 customers" for several.
    func describe(_ ids: [String]) -> String {
        guard ids.count == 1, let id = ids.first else { return "\(ids.count) customers" }
        return data.customers.customer(id: id).flatMap(\.email) ?? String(id.prefix(8))
    }
}
