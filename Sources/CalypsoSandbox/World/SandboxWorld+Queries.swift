import CalypsoAPI
import Foundation

extension SandboxWorld {
    static let defaultPageSize = 20
    static let maximumPageSize = 500

    func transaction(id: String) throws(SandboxAPIError) -> Transaction {
        try deposits[position(of: id)].transaction
    }

    func transactionJSON(id: String) throws(SandboxAPIError) -> [UInt8] {
        try encodedTransaction(at: position(of: id))
    }

    func findTransactions(_ request: TransactionFindRequest) throws(SandboxAPIError) -> TransactionPage {
        let page = try pagePositions(request)
        return TransactionPage(result: page.positions.map { deposits[$0].transaction }, page: page.number,
                               size: page.size, total: page.pageCount, totalElements: Int64(page.matching))
    }

    /// The same page as `findTransactions`, written from each transaction's cached JSON.
    func findTransactionsJSON(_ request: TransactionFindRequest) throws(SandboxAPIError) -> [UInt8] {
        let page = try pagePositions(request)
        var out = Array(#"{"result":["#.utf8)
        out.reserveCapacity(page.positions.count * 420 + 100)
        for (index, position) in page.positions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: encodedTransaction(at: position))
        }
        out.append(contentsOf: #"],"page":\#(page.number),"size":\#(page.size),"total":\#(page.pageCount),"totalElements":\#(page.matching)}"#.utf8)
        return out
    }

    func encodedTransaction(at position: Int) -> [UInt8] {
        if let cached = deposits[position].encoded { return cached }
        let bytes = Array((try? Self.encoder.encode(deposits[position].transaction)) ?? Data())
        deposits[position].encoded = bytes
        return bytes
    }

    private func position(of id: String) throws(SandboxAPIError) -> Int {
        guard !id.isEmpty else { throw .badRequest("transactionId is required") }
        guard let position = positionById[id] else { throw .notFound("Transaction \(id) is not found") }
        return position
    }

    private struct PageSlice {
        var positions: [Int]
        var number: Int
        var size: Int
        var matching: Int
        var pageCount: Int
    }

    /// 0-based pages; the size defaults to 20 and is capped at 500; newest first unless `sort` is ASC.
    private func pagePositions(_ request: TransactionFindRequest) throws(SandboxAPIError) -> PageSlice {
        let number = request.pageNumber ?? 0
        let size = min(request.pageSize ?? Self.defaultPageSize, Self.maximumPageSize)
        guard number >= 0 else { throw .badRequest("pageNumber starts at 0") }
        guard size >= 1 else { throw .badRequest("pageSize must be at least 1") }
        let byAmount: Bool
        switch request.properties {
        case nil, "", "createdDate": byAmount = false
        case "amount": byAmount = true
        case let other?: throw .badRequest("Cannot sort by \(other); use createdDate or amount")
        }
        let descending = request.sort != .asc

        var matching: [Int]
        if let customerId = request.customerId, !customerId.isEmpty {
            matching = try customerRecord(customerId).transactionPositions
        } else if request.currencyFilter == nil, request.transactionStateFilter == nil, !byAmount {
            return directPage(number: number, size: size, descending: descending)
        } else {
            matching = Array(deposits.indices)
        }
        if let filter = request.currencyFilter {
            matching.removeAll { !filter.matches(deposits[$0].transaction.currency.rawValue) }
        }
        if let filter = request.transactionStateFilter {
            matching.removeAll { !filter.matches(deposits[$0].transaction.transactionState.rawValue) }
        }
        if byAmount {
            matching.sort { (deposits[$0].transaction.amount, $0) < (deposits[$1].transaction.amount, $1) }
        }
        if descending { matching.reverse() }
        let start = min(number * size, matching.count)
        return PageSlice(positions: Array(matching[start..<min(start + size, matching.count)]), number: number, size: size,
                         matching: matching.count, pageCount: (matching.count + size - 1) / size)
    }

    /// Every transaction, by date: the page is a slice of the list, with nothing to filter.
    private func directPage(number: Int, size: Int, descending: Bool) -> PageSlice {
        let count = deposits.count
        let start = min(number * size, count)
        let end = min(start + size, count)
        let positions = descending ? (start..<end).map { count - 1 - $0 } : Array(start..<end)
        return PageSlice(positions: positions, number: number, size: size, matching: count, pageCount: (count + size - 1) / size)
    }
}
