package dev.gatewaykit.spring.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Puts the gateway routes (contributor {@value #CONTRIBUTOR}) in their own health group,
 * {@code /actuator/health/gateway}, and keeps them out of the
 * root {@code /actuator/health} status, as Boot recommends for external services: one DOWN proxy must not turn the
 * whole application's health into 503 (and restart it, where an orchestrator watches that status). Liveness and
 * readiness include only what they name, so the routes stay out of them unless an application adds {@code gateway}
 * to {@code management.endpoint.health.group.readiness.include}. A group the application defines under the same
 * name wins; {@code includeInRoot} keeps the routes in the root status as well.
 */
public final class GatewayHealthGroups implements HealthEndpointGroupsPostProcessor {

    /** The name of the group: {@code /actuator/health/gateway}. */
    public static final String NAME = "gateway";

    /** The name of the gateway's health contributor (Boot forbids a contributor named like a group). */
    public static final String CONTRIBUTOR = "gatewayRoutes";

    private final boolean includeInRoot;

    /**
     * Creates the post-processor.
     * @param includeInRoot whether the routes also count in the root health status
     */
    public GatewayHealthGroups(boolean includeInRoot) {
        this.includeInRoot = includeInRoot;
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            named.put(name, groups.get(name));
        }
        named.putIfAbsent(NAME, new Group(groups.getPrimary(), true));
        HealthEndpointGroup primary = this.includeInRoot ? groups.getPrimary() : new Group(groups.getPrimary(), false);
        return HealthEndpointGroups.of(primary, named);
    }

    private static boolean isGateway(String name) {
        return name.equals(CONTRIBUTOR) || name.startsWith(CONTRIBUTOR + "/");
    }

    /** The primary group's settings, with membership limited to (or cleared of) the gateway contributor. */
    private record Group(HealthEndpointGroup primary, boolean onlyGateway) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return this.onlyGateway ? isGateway(name) : !isGateway(name) && this.primary.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return this.primary.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return this.primary.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return this.primary.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return this.primary.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return this.onlyGateway ? null : this.primary.getAdditionalPath();
        }

    }

}
