import TerminalUI

/// The whole screen as a function of the state.
public enum DashboardScreen {
    public static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(width: state.size.width, height: state.size.height)
        guard state.size.width > 0, state.size.height > 0 else { return buffer }
        let layout = ScreenLayout(size: state.size)
        buffer.fill(buffer.bounds, style: state.theme[.text])
        HeaderBar.render(state, layout: layout, into: &buffer)
        switch state.currentView {
        case .customers, .blocked: CustomersScreen.render(state, layout: layout, into: &buffer)
        case .customerDetail: CustomerDetailScreen.render(state, layout: layout, into: &buffer)
        case .feed: FeedScreen.render(state, layout: layout, into: &buffer)
        case .alerts: JournalScreens.renderAlerts(state, layout: layout, into: &buffer)
        case .audit: JournalScreens.renderAudit(state, layout: layout, into: &buffer)
        case .transaction: TransactionScreen.render(state, layout: layout, into: &buffer)
        }
        ModalLayer.render(state, layout: layout, into: &buffer)
        StatusLine.render(state, layout: layout, into: &buffer)
        return buffer
    }
}
