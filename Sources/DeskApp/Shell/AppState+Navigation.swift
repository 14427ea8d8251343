/// The view stack.
extension AppState {
    /// Does the push, pop or switch a view asked for, and returns the loads of the new top view.
    mutating func navigate() -> [AppCommand] {
        guard let request = navigation else { return [] }
        navigation = nil
        switch request {
        case .push(let view):
            views.append(view)
        case .pop:
            guard views.count > 1 else { return [] }
            views.removeLast()
        case .switchTo(let view):
            // The view the dashboard opened on stays at the bottom, with its cursor.
            views = view.id == views[0].id ? [views[0]] : [views[0], view]
        }
        return enterTop()
    }

    mutating func enterTop() -> [AppCommand] {
        let index = views.count - 1
        var view = views[index]
        let commands = view.enter(&self)
        views[index] = view
        return commands
    }

    /// Asks for a view on top of this one, once the current key or message is handled.
    mutating func push(_ view: any DeskView) { navigation = .push(view) }
    mutating func pop() { navigation = .pop }
    mutating func switchTo(_ view: any DeskView) { navigation = .switchTo(view) }
}
