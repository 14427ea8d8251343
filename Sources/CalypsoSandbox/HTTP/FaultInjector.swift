import CalypsoAPI
import Foundation

/// Holds the current faults and draws, per request, which of them strikes.
final class FaultInjector: Sendable {
    enum Decision: Sendable {
        case drop
        case hang(seconds: Double)
        case respond(SandboxResponse)
        /// Handle the request; when `malformed`, cut a 200 answer in half.
        case proceed(malformed: Bool)
    }

    private let state: Locked<(faults: SandboxFaults, random: SplitMix64)>

    init(faults: SandboxFaults, seed: UInt64) {
        state = Locked((faults, SplitMix64(seed: seed ^ 0xFA_0175)))
    }

    var faults: SandboxFaults {
        get { state.current.faults }
        set { state.withLock { $0.faults = newValue } }
    }

    func decide(traceId: @autoclosure () -> String) -> (latency: Int, decision: Decision) {
        state.withLock { state in
            let faults = state.faults
            if faults.down { return (0, .drop) }
            if state.random.chance(faults.hangShare) { return (faults.latencyMilliseconds, .hang(seconds: faults.hangLimitSeconds)) }
            if state.random.chance(faults.serverErrorShare) {
                return (faults.latencyMilliseconds, .respond(.error(
                    status: 500, SandboxAPIError(code: "000", message: "Internal server error"), traceId: traceId())))
            }
            if state.random.chance(faults.tooManyRequestsShare) {
                var response = SandboxResponse.error(
                    status: 429, SandboxAPIError(code: "000", message: "Too many requests"), traceId: traceId())
                response.headers.append(("Retry-After", "1"))
                return (faults.latencyMilliseconds, .respond(response))
            }
            return (faults.latencyMilliseconds, .proceed(malformed: state.random.chance(faults.malformedShare)))
        }
    }
}
