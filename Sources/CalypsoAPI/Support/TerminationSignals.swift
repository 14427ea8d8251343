import Dispatch
import Foundation

/// Waiting for SIGINT or SIGTERM in a foreground command (sandbox, sync).
public enum TerminationSignals {
    public static func wait() async {
        let sources = Locked<[DispatchSourceSignal]>([])
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = Locked(false)
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    let first = resumed.withLock { done -> Bool in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume() }
                }
                source.resume()
                sources.withLock { $0.append(source) }
            }
        }
        for source in sources.current { source.cancel() }
    }
}
