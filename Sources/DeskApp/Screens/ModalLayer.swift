import TerminalUI

/// Draws the open dialog, form, note, picker, help or QR code over the view.
enum ModalLayer {
    static func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let styles = state.theme.widgetStyles
        let area = layout.body.isEmpty ? buffer.bounds : layout.body
        switch state.modal {
        case .confirm(let dialog)?:
            let pending = dialog.pending
            let title = pending.customerIds.count == 1 ? "\(pending.verb) customer" : "\(pending.verb) \(pending.customerIds.count) customers"
            ReasonConfirmDialog(title: title, message: pending.question(describing: state.describeOne, naming: { state.describe([$0]) }), dialog: dialog)
                .render(into: &buffer, area: area, styles: styles)
        case .form(let form)?:
            Form(state: form.state, keysHint: form.keysHint).render(into: &buffer, area: area, styles: styles)
        case .note(let note)?:
            Form(state: note.state, keysHint: note.keysHint).render(into: &buffer, area: area, styles: styles)
        case .picker(let picker)?:
            let who = state.data.customers.customer(id: picker.customerId)?.email ?? Formatting.shortId(picker.customerId)
            Picker(title: "New address for \(who)", state: picker.state).render(into: &buffer, area: area, styles: styles)
        case .help(let offset)?:
            let overlay = HelpOverlay(title: "Keys (esc closes)", sections: HelpContent.sections(state), offset: offset)
            overlay.render(into: &buffer, area: area, styles: styles)
        case .qrCode(let title, let address)?:
            QRCodeOverlay(title: title, text: address, keysHint: "any key closes").render(into: &buffer, area: area, styles: styles)
        case .copyChooser(let chooser)?:
            CopyChooserBox(chooser: chooser).render(into: &buffer, area: area, styles: styles)
        case nil:
            break
        }
    }
}

extension AppState {
    /// "ann@example.com (1a2b3c4d)" or the short id.
    func describeOne(_ id: String) -> String {
        guard let email = data.customers.customer(id: id)?.email else { return Formatting.shortId(id) }
        return "\(email) (\(Formatting.shortId(id)))"
    }
}
