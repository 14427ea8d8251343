/// Seconds between a failed delivery and the next try (reference 10.6): 19 retries, each gap the
/// sum of the two before it, up to 125 430 s.
enum WebhookRetrySchedule {
    static let gaps: [Double] = [
        30, 30, 60, 90, 150, 240, 390, 630, 1020, 1650, 2670, 4320, 6990, 11310, 18300, 29610, 47910, 77520, 125_430,
    ]
}
