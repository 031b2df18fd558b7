import MonaziteService
import Foundation
import MonaziteAlerts
import MonaziteAnomalies
import MonaziteCore
import MonaziteStore

/// Evaluates a rules file against the store and delivers new alerts: the shared work of
/// `monazite alerts check` and of `monazite import` when a rules file is configured.
struct AlertsRunner {
    let rulesPath: String
    let storePath: String
    let today: CalendarDay
    let dryRun: Bool
    /// Secrets named by `secret_env`, read once at the edge.
    let environment: [String: String]

    struct Outcome {
        var alerts: [Alert]
        var deliveries: [WebhookResult]
        var recorded: Int
        var payload: AlertPayload
        /// For each watched series, the latest month held and whether it is behind its rhythm:
        /// no alert can fire on a month the store does not hold.
        var watched: [String] = []
    }

    /// The rules file from `--alerts`/`--rules`, else `$MONAZITE_ALERTS`; nil when neither is set.
    static func configuredRulesPath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let option, !option.isEmpty { return option }
        if let env = environment["MONAZITE_ALERTS"], !env.isEmpty { return env }
        return nil
    }

    static func utcToday() -> CalendarDay { .todayUTC() }

    func run() async throws -> Outcome {
        let text: String
        do { text = try String(contentsOfFile: rulesPath, encoding: .utf8) } catch {
            throw CLIError("cannot read alert rules \(rulesPath): \(error.localizedDescription)")
        }
        let ruleSet: AlertRuleSet
        do { ruleSet = try AlertRulesFile.parse(text, file: rulesPath) } catch { throw CLIError(error.description) }
        let store = try await StoreLocation(storePath).open(create: false)
        var series: [SeriesKey: MonthlySeries] = [:]
        var watched: [String] = []
        for rule in ruleSet.rules {
            guard case .seriesChange(let key, _, _) = rule.condition, series[key] == nil else { continue }
            let observations = try await store.observations(for: key, asOf: today)
            watched.append("watched \(key.reporter) \(key.flow.rawValue) \(key.commodity) to \(key.partner): \(SeriesFreshness(observations: observations, on: today).summary)")
            let months = observations.filter(\.period.isMonth).map(\.period.first)
            if let first = months.min(), let last = months.max() {
                series[key] = MonthlySeries(totals: SeriesTotals(observations), from: first, to: last)
            }
        }
        let policy = try await PolicyBridge.events(store: store)
        let inputs = AlertInputs(
            series: series, events: PolicyBridge.announcements(policy), deadlines: PolicyBridge.deadlines(policy, licences: try await store.licences()),
            today: today,
            alreadyFired: dryRun ? [] : try await store.firedAlertKeys())
        let alerts = AlertEvaluator.evaluate(ruleSet.rules, inputs: inputs)
        let payload = AlertPayload(day: today, alerts: alerts)
        var outcome = Outcome(alerts: alerts, deliveries: [], recorded: 0, payload: payload, watched: watched)
        guard !dryRun, !alerts.isEmpty else { return outcome }
        let body = try payload.encoded()
        for target in ruleSet.webhooks {
            var secret = target.secret
            if let name = target.secretEnvironmentVariable {
                guard let value = environment[name], !value.isEmpty else {
                    throw CLIError("\(rulesPath): webhook \(target.url) takes its secret from $\(name), which is not set")
                }
                secret = value
            }
            outcome.deliveries.append(await WebhookSender().post(body, to: target, secret: secret))
        }
        if let failed = outcome.deliveries.first(where: { !$0.delivered }) {
            throw CLIError(
                "webhook \(failed.url) failed after \(failed.attempts) attempts (\(failed.lastError ?? "unknown error")); "
                    + "\(alerts.count) alerts not marked as fired, so the next check sends them again")
        }
        let fired = alerts.map {
            FiredAlert(
                key: $0.key, ruleID: $0.ruleID, kind: $0.kind, severity: $0.severity.rawValue, message: $0.message, url: $0.url,
                evaluatedFor: today)
        }
        outcome.recorded = try await store.recordFiredAlerts(fired)
        return outcome
    }

    /// Terminal text: one block per alert, or a line saying there is none.
    static func text(_ outcome: Outcome, dryRun: Bool) -> String {
        var lines: [String] = []
        if outcome.alerts.isEmpty {
            lines.append("no new alerts for \(outcome.payload.day)")
        } else {
            lines += outcome.alerts.map(\.text)
        }
        for d in outcome.deliveries { lines.append("webhook \(d.url): delivered after \(d.attempts) attempt\(d.attempts == 1 ? "" : "s")") }
        if dryRun && !outcome.alerts.isEmpty { lines.append("dry run: nothing sent, nothing marked as fired") }
        lines += outcome.watched
        return lines.joined(separator: "\n") + "\n"
    }

    /// After an import: evaluates the configured rules, if any, and prints alerts on stderr (stdout
    /// keeps the import report, which may be JSON).
    static func afterImport(option: String?, storePath: String) async throws {
        guard let path = configuredRulesPath(option: option) else { return }
        let runner = AlertsRunner(
            rulesPath: path, storePath: storePath, today: utcToday(), dryRun: false, environment: ProcessInfo.processInfo.environment)
        let outcome = try await runner.run()
        FileHandle.standardError.write(Data(("alerts (\(path)):\n" + text(outcome, dryRun: false)).utf8))
    }
}
