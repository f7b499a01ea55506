package io.github.zuplojwt.web;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code zuplo.actuator.public-health=false} the health endpoint and its probe groups
 * need a valid token like every other endpoint.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.actuator.public-health=false", "management.endpoint.health.probes.enabled=true" })
class PrivateHealthEndpointTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void healthNeedsAToken(Stack stack) {
		assertProblem(stack.http().get("/actuator/health"), 401, "bearer token is required");
		assertProblem(stack.http().get("/actuator/health/liveness"), 401, "bearer token is required");
	}

	@StackTest
	void healthAnswersWithAValidToken(Stack stack) {
		String token = gateway.token().sign();

		assertThat(stack.http().getWithToken("/actuator/health", token).statusCode()).isEqualTo(200);
		assertThat(stack.http().getWithToken("/actuator/health/liveness", token).statusCode()).isEqualTo(200);
	}

}
