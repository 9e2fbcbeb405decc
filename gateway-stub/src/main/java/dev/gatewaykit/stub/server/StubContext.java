package dev.gatewaykit.stub.server;

import dev.gatewaykit.stub.StubLimits;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.agent.AgentState;
import dev.gatewaykit.stub.endpoints.ModelCatalog;
import dev.gatewaykit.stub.gateway.GatewayBehaviour;
import dev.gatewaykit.stub.http.BodyBudget;
import dev.gatewaykit.stub.journal.Journal;
import dev.gatewaykit.stub.journal.StubStats;
import dev.gatewaykit.stub.keys.KeyRegistry;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.scripting.RuleBook;
import dev.gatewaykit.stub.scripting.Script;

/**
 * Everything a running stub holds: its gateway behaviour, models, keys, rules, journal and counters.
 *
 * @param behaviour the impersonated gateway
 * @param catalog   served models
 * @param keys      live virtual keys
 * @param scripts   scripted replies
 * @param faults    injected faults
 * @param journal   request ring
 * @param stats     counters
 * @param limits    bounds
 * @param bodies    request body bytes in flight
 * @param agent     stored Responses, recorded calls and structured-output reports
 */
public record StubContext(GatewayBehaviour behaviour, ModelCatalog catalog, KeyRegistry keys, RuleBook<Script> scripts,
                          RuleBook<Fault> faults, Journal journal, StubStats stats, StubLimits limits,
                          BodyBudget bodies, AgentState agent) {

    /** The mode. */
    public StubMode mode() {
        return behaviour.mode();
    }

    /** Back to the configured state: journal, counters, rules and keys (with their spend). */
    public void reset() {
        journal.clear();
        stats.clear();
        scripts.reset();
        faults.reset();
        keys.reset();
        agent.reset();
    }
}
