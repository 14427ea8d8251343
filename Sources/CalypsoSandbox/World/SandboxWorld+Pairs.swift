import CalypsoAPI

extension SandboxWorld {
    /// `exchange/pairs`: the currency table in the documented `currencyPairs` shape.
    func currencyPairs() -> [String: CurrencyPair] {
        Dictionary(uniqueKeysWithValues: currencyOrder.map { currency in
            let native = currencyOrder.first { $0.blockchain == currency.blockchain }?.code.rawValue ?? currency.code.rawValue
            return (currency.code.rawValue, CurrencyPair(
                name: currency.code.rawValue, blockchainName: currency.blockchain,
                networkData: .init(frontName: currency.blockchain.capitalized, type: currency.blockchain),
                feeCurrencyName: native, contract: nil, crypto: true, enabled: true, active: true))
        })
    }
}
