import CalypsoAPI

extension SplitMix64 {
    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && Double.random(in: 0..<1, using: &self) < probability
    }
}
