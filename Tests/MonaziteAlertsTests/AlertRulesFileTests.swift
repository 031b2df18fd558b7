import MonaziteAlerts
import MonaziteAnomalies
import MonaziteCore
import Testing

@Suite struct AlertRulesFileTests {
    static let valid = """
        rules:
          - id: magnets-world-mom
            type: series_change
            series: {reporter: CHN, partner: WLD, flow: export, commodity: "8505.11"}
            measure: mom
            threshold_pct: 40
          - id: heavy-ree
            type: new_event
            elements: [Dy, Tb]
            destinations: [USA]
            hs: ["8505.11"]
            severity: critical
          - id: ending
            type: deadline
            kinds: suspension
            within_days: 60
        webhooks:
          - url: http://127.0.0.1:9/hook
            allow_loopback: true
            secret_env: MONAZITE_WEBHOOK_SECRET
            retries: 2
        """

    @Test func parses_every_rule_type() throws {
        let set = try AlertRulesFile.parse(Self.valid, file: "rules.yaml")
        #expect(set.rules.map(\.id) == ["magnets-world-mom", "heavy-ree", "ending"])
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: HSCode("8505.11")!)
        #expect(set.rules[0].condition == .seriesChange(series: key, measure: .mom, thresholdPct: 40))
        #expect(set.rules[0].severity == .warning)
        #expect(set.rules[1].severity == .critical)
        #expect(
            set.rules[1].condition
                == .newEvent(
                    WatchedScope(elements: [.dysprosium, .terbium], destinations: [.unitedStates], hsPrefixes: ["850511"]), withinDays: 30))
        #expect(set.rules[2].condition == .deadline(kinds: [.suspension], WatchedScope(), withinDays: 60))
        #expect(
            set.webhooks == [
                WebhookTarget(url: "http://127.0.0.1:9/hook", secretEnvironmentVariable: "MONAZITE_WEBHOOK_SECRET", retries: 2)
            ])
    }

    @Test(arguments: [
        (
            "rules:\n  - id: a\n    type: series_chang\n",
            "rules.yaml:3:11: rules[0].type: unknown rule type 'series_chang' (series_change, new_event or deadline)"
        ),
        (
            "rules:\n  - id: a\n    type: new_event\n    elements: [Dy, Xx]\n",
            "rules.yaml:4:20: rules[0].elements[1]: 'Xx' is not a rare-earth element"
        ),
        ("rules:\n  - id: a\n    type: deadline\n", "rules.yaml:2:5: rules[0] needs 'within_days'"),
        ("rules:\n  - id: a\n    type: new_event\n    measure: mom\n", "rules.yaml:4:14: 'measure' does not apply to a new_event rule"),
        ("rules:\n  - id: a\n    type: new_event\n  - id: a\n    type: new_event\n", "rules.yaml:4:5: duplicate rule id 'a'"),
        ("rulez: []\n", "rules.yaml:1:1: unknown key 'rulez' in file (known: rules, webhooks)"),
        ("rules: [\n", "rules.yaml:2:1: not valid YAML: did not find expected node content"),
        ("rules:\n  - id: a\n    type: series_change\n    measure: qoq\n", "rules.yaml:4:14: rules[0].measure must be mom or yoy"),
        ("rules: []\nwebhooks:\n  - url: ftp://x\n", "rules.yaml:3:10: webhooks[0].url must be an http:// or https:// URL"),
        ("rules: []\nwebhooks:\n  - url: http://hooks.example.org/x\n", "rules.yaml:3:10: webhooks[0].url: webhooks leave this machine over https only"),
        ("rules: []\nwebhooks:\n  - url: https://10.0.0.5/x\n", "rules.yaml:3:10: webhooks[0].url: 10.0.0.5 is a private, link-local or unspecified address"),
        ("rules: []\nwebhooks:\n  - url: http://127.0.0.1:9/x\n", "rules.yaml:3:10: webhooks[0].url: a loopback address needs allow_loopback: true (for tests and local receivers)"),
    ])
    func bad_files_fail_at_line_and_column(text: String, message: String) {
        #expect(throws: AlertRulesError.self) { try AlertRulesFile.parse(text, file: "rules.yaml") }
        do {
            _ = try AlertRulesFile.parse(text, file: "rules.yaml")
        } catch {
            #expect(error.description == message)
        }
    }
}
