import CalypsoAPI
import Foundation
import Testing

@Suite struct DecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func customerNewerAndOlderExamples() throws {
        let newer = try decode(Customer.self, #"{ "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "email": "string", "description": "string", "externalId": "string", "blocked": true }"#)
        #expect(newer.blocked && newer.externalId == "string")
        let older = try decode(Customer.self, #"{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","email":"e@x.io","description":"d","blocked":false,"somethingNew":{"a":[1,2]}}"#)
        #expect(!older.blocked && older.externalId == nil && older.email == "e@x.io")
        let minimal = try decode(Customer.self, #"{"id":"x"}"#)
        #expect(minimal.email == nil && !minimal.blocked)
        let stringFlag = try decode(Customer.self, #"{"id":"x","blocked":"true"}"#)
        #expect(stringFlag.blocked)
    }

    @Test func addressResponseWithAndWithoutId() throws {
        let current = try decode(Purse.self, #"{ "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "address": "0xabc" }"#)
        #expect(current.id == "3fa85f64-5717-4562-b3fc-2c963f66afa6" && current.address == "0xabc")
        let older = try decode(Purse.self, #"{ "address": "0xabc" }"#)
        #expect(older.id == nil && older.address == "0xabc")
    }

    @Test func purseListBareArrayOrWrapped() throws {
        let item = #"{"id":"p1","address":"0xa","currency":"eth","status":"PENDING_PAYMENT"}"#
        #expect(try decode(PurseList.self, "[\(item)]").purses.count == 1)
        #expect(try decode(PurseList.self, #"{"purses":[\#(item),\#(item)]}"#).purses.count == 2)
        #expect(try decode(PurseList.self, #"{"result":[\#(item)],"total":1}"#).purses.count == 1)
        #expect(try decode(PurseList.self, #"{"whatever":[\#(item)]}"#).purses.first?.currency == Currency("ETH"))
        #expect(try decode(PurseList.self, "[]").purses.isEmpty)
        #expect(throws: DecodingError.self) { try decode(PurseList.self, #"{"count":3}"#) }
    }

    @Test func archivedSpellingsAreOneStatus() throws {
        let old = try decode(Purse.self, #"{"id":"a","status":"ARCHIEVED"}"#)
        let new = try decode(Purse.self, #"{"id":"a","status":"ARCHIVED"}"#)
        #expect(old.status == .archived && new.status == .archived)
        #expect(try decode(Purse.self, #"{"id":"a","status":"SOMETHING_NEW"}"#).status == .unknown("SOMETHING_NEW"))
    }

    @Test func transactionDocumentedExample() throws {
        let tx = try decode(Transaction.self, #"""
            { "id": "123e4567-e89b-12d3-a456-426614174000", "amount": 1, "addressFrom": "text",
              "currency": "text", "transactionHash": "text", "transactionState": "MEM_POOL_FOUND",
              "complianceState": "UNCHECKED", "translationToAccountCompleted": true,
              "createdDate": "2025-07-30T10:53:50.356Z" }
            """#)
        #expect(tx.transactionState == .memPoolFound && tx.complianceState == .unchecked)
        #expect(tx.amount == Amount(Decimal(1)))
        #expect(tx.createdDate == Date(timeIntervalSince1970: 1_753_872_830.356))
    }

    @Test func transactionOldVariantsAndMissingOptionals() throws {
        let tx = try decode(Transaction.self, #"{"id":"t","amount":"0.5","currency":"ETH","transactionState":"COMPLETED","complianceState":"CHECKED","translationToAccountCompleted":"false","customerBlocked":"false"}"#)
        #expect(tx.transactionState == .confirmed && tx.addressFrom == nil && tx.transactionHash == nil && tx.createdDate == nil)
        #expect(!tx.translationToAccountCompleted)
        let future = try decode(Transaction.self, #"{"id":"t","amount":2,"currency":"ETH","transactionState":"REFUNDED","complianceState":"MAYBE"}"#)
        #expect(future.transactionState == .unknown("REFUNDED") && future.complianceState == .unknown("MAYBE"))
    }

    @Test func moneyStaysExact() throws {
        let tx = try decode(Transaction.self, #"{"id":"t","amount":12345678.123456789012345678,"currency":"ETH","transactionState":"CONFIRMED","complianceState":"CHECKED"}"#)
        #expect(tx.amount.description == "12345678.123456789012345678")
        let a = try decode(Transaction.self, #"{"id":"t","amount":0.1,"currency":"ETH","transactionState":"CONFIRMED","complianceState":"CHECKED"}"#)
        let b = try decode(Transaction.self, #"{"id":"t","amount":0.2,"currency":"ETH","transactionState":"CONFIRMED","complianceState":"CHECKED"}"#)
        #expect((a.amount + b.amount).description == "0.3")
    }

    @Test func datesWithAndWithoutZone() {
        #expect(CalypsoDate.parse("2025-07-30T10:53:50.356Z") == Date(timeIntervalSince1970: 1_753_872_830.356))
        let webhook = CalypsoDate.parse("2022-03-15T12:13:05.909616")!
        #expect(abs(webhook.timeIntervalSince1970 - 1_647_346_385.909616) < 0.000_01)
        #expect(CalypsoDate.parse("2025-07-30T12:53:50+02:00") == Date(timeIntervalSince1970: 1_753_872_830))
        #expect(CalypsoDate.parse("2025-07-30") == Date(timeIntervalSince1970: 1_753_833_600))
        #expect(CalypsoDate.parse("yesterday") == nil)
        #expect(CalypsoDate.parse("2025-13-01T00:00:00Z") == nil)
        #expect(CalypsoDate.format(Date(timeIntervalSince1970: 1_753_872_830.356)) == "2025-07-30T10:53:50.356Z")
        #expect(CalypsoDate.formatWebhook(Date(timeIntervalSince1970: 1_647_346_385.5)) == "2022-03-15T12:13:05.500000")
    }

    @Test func findPage() throws {
        let page = try decode(TransactionPage.self, #"{"result":[{"id":"t","amount":1,"currency":"ETH","transactionState":"CONFIRMED","complianceState":"CHECKED"}],"page":0,"size":20,"total":3,"totalElements":41}"#)
        #expect(page.result.count == 1 && page.total == 3 && page.totalElements == 41)
    }

    @Test func webhookDocumentedEnvelope() throws {
        let event = try decode(WebhookEnvelope.self, #"""
            { "requestId": "a381f753-3079-4214-9720-b416fc35ca10", "id": 1331293,
              "createdDate": "2025-10-30T14:08:39.96068", "level": "INFO", "service": "CUSTOMER_PURSE",
              "eventType": "CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE",
              "data": { "currency": "USDT_BSC", "customerId": "c1", "customerBlocked": "false", "purseId": "p1",
                        "address": "0xa", "transactionId": "t1", "amount": 10.5, "transactionState": "CONFIRMED" } }
            """#)
        #expect(event.id == 1_331_293 && event.eventType == .fundsReceived)
        #expect(event.data.customerBlocked == false && event.data.amount?.description == "10.5")
        #expect(event.createdDate != nil)
    }

    @Test func webhookMisspellingsAndBlockedAlias() throws {
        let event = try decode(WebhookEnvelope.self, #"{"id":"7","eventType":"CUSTOMER_PURSE_COMLIANCE_DECLINED","data":{"blocked":true}}"#)
        #expect(event.id == 7 && event.eventType == .complianceDeclined && event.data.customerBlocked == true)
        #expect(WebhookEventType("CUSTOMER_PURSE_MEMPOOL_FOUND") == .memPoolFound)
        #expect(WebhookEventType("CUSTOMER_PURSE_PENDING_COMLIANCE") == .pendingCompliance)
    }

    @Test func currentUserAndExchangePairs() throws {
        let user = try decode(CurrentUser.self, #"{"email":"m@x.io","availableAccounts":[{"account":"0xabc","name":"Main"}]}"#)
        #expect(user.availableAccounts == [.init(account: "0xabc", name: "Main")])
        let pairs = try decode(ExchangePairs.self, #"""
            {"currencyPairs":{"ETH":{"name":"ETH","blockchainName":"ETHEREUM","networkData":{"frontName":"Ethereum","type":"EVM"},"enabled":true,"active":true},
                              "USDT_BSC":{"name":"USDT","blockchainName":"BSC","enabled":true,"active":true},
                              "OLD":{"blockchainName":"X","enabled":false},
                              "ODD":"not an object"}}
            """#)
        #expect(pairs.usableCurrencies.map(\.currency) == ["ETH", "USDT_BSC"])
        #expect(pairs.currencyPairs["ETH"]?.networkData?.type == "EVM")
    }
}
