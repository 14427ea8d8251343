import Foundation
import Testing
import TmuxDriver

/// The control-mode client the key-latency benchmark times with: it attaches to a private tmux
/// server (whatever socket that server uses) and hears what the pane writes.
@Suite(.enabled(if: TmuxServer.executable != nil, "tmux is not on PATH; CI installs it"))
struct TmuxControlClientTests {
    @Test func attachesAndHearsThePaneWriteWhatAKeySent() throws {
        let tmux = try TmuxServer(command: ["cat"], environment: [:])
        defer { tmux.kill() }
        let client = try TmuxControlClient(attachingTo: tmux)
        defer { client.detach() }
        _ = client.send("send-keys -t \(tmux.session) -l pursedesk-probe")
        var heard = ""
        let deadline = ContinuousClock.now + .seconds(10)
        while !heard.contains("pursedesk-probe"), ContinuousClock.now < deadline {
            guard let timed = client.next(timeout: .seconds(1)) else { continue }
            if case .output(_, let data) = timed.event { heard += data }
        }
        #expect(heard.contains("pursedesk-probe"))
    }
}
