import TerminalUI

/// The whole screen as a function of the state.
public enum DashboardScreen {
    public static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(width: state.size.width, height: state.size.height)
        guard state.size.width > 0, state.size.height > 0 else { return buffer }
        let layout = ScreenLayout(size: state.size)
        buffer.fill(buffer.bounds, style: state.theme[.text])
        HeaderBar.render(state, layout: layout, into: &buffer)
        state.views[state.views.count - 1].render(state, layout: layout, into: &buffer)
        ModalLayer.render(state, layout: layout, into: &buffer)
        StatusLine.render(state, layout: layout, into: &buffer)
        return buffer
    }
}
