import CalypsoAPI
import Foundation

/// Answers `/sandbox/...`: test and demo controls. Unauthenticated (the server binds to loopback)
/// and never subject to faults.
struct AdminHandler: Sendable {
    let sandbox: SandboxControls
    let traces: TraceIdentifiers

    struct DepositInjection: Decodable {
        var customerId: String
        var currency: Currency
        var amount: Amount?
        var decline: Bool?
        var instant: Bool?
        var manual: Bool?

        var pacing: DepositPacing { instant == true ? .instant : manual == true ? .manual : .scheduled }
    }

    struct DepositStep: Decodable { var transactionId: String }
    struct ClockAdvance: Decodable { var seconds: Double }
    struct Seeding: Decodable {
        var customers: Int?
        var transactions: Int?
    }

    struct ClockReading: Encodable { var now: String }

    func respond(method: String, path: String, body: [UInt8]) async -> SandboxResponse {
        do {
            switch (method, path) {
            case ("GET", "/sandbox/state"):
                return .raw(await sandbox.stateJSON())
            case ("GET", "/sandbox/counts"):
                return .json(await sandbox.counts())
            case ("POST", "/sandbox/deposits"):
                let request = try decode(DepositInjection.self, body)
                return .json(try await sandbox.injectDeposit(
                    customerId: request.customerId, currency: request.currency, amount: request.amount,
                    decline: request.decline ?? false, pacing: request.pacing))
            case ("POST", "/sandbox/deposits/step"):
                return .json(try await sandbox.stepDeposit(id: try decode(DepositStep.self, body).transactionId))
            case ("POST", "/sandbox/clock/advance"):
                let seconds = try decode(ClockAdvance.self, body).seconds
                guard seconds >= 0 else { throw SandboxAPIError.badRequest("seconds must not be negative") }
                return .json(ClockReading(now: CalypsoDate.format(await sandbox.advanceClock(seconds: seconds))))
            case ("GET", "/sandbox/faults"):
                return .json(sandbox.faults)
            case ("POST", "/sandbox/faults"):
                sandbox.faults = try decode(SandboxFaults.self, body)
                return .json(sandbox.faults)
            case ("POST", "/sandbox/seed"):
                let request = try decode(Seeding.self, body)
                return .json(await sandbox.seed(customers: request.customers ?? 0, transactions: request.transactions ?? 0))
            default:
                return .error(status: 404, .badRequest("No admin operation \(method) \(path)"), traceId: traces.next())
            }
        } catch let error as SandboxAPIError {
            return .error(error, traceId: traces.next())
        } catch {
            return .error(.badRequest(String(describing: error)), traceId: traces.next())
        }
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ body: [UInt8]) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(body.isEmpty ? Array("{}".utf8) : body))
        } catch {
            throw SandboxAPIError.badRequest("Invalid body for this operation: \(error)")
        }
    }
}
