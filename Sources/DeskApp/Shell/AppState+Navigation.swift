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
            let home = ViewRegistry.home
            views = view.id.name == home.name ? [view] : [home.make!(), view]
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
