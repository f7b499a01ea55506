package io.github.zuplojwt.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code zuplo.actuator.public-health=false} the health endpoint and its probe groups
 * need a valid token like every other endpoint.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE, "zuplo.actuator.public-health=false",
				"management.endpoint.health.probes.enabled=true" })
abstract class PrivateHealthEndpointTests extends AbstractGatewayTokenTests {

	@Test
	void healthNeedsAToken() {
		assertProblem(this.http.get("/actuator/health"), 401, "bearer token is required");
		assertProblem(this.http.get("/actuator/health/liveness"), 401, "bearer token is required");
	}

	@Test
	void healthAnswersWithAValidToken() {
		assertThat(this.http.getWithToken("/actuator/health", this.token).statusCode()).isEqualTo(200);
		assertThat(this.http.getWithToken("/actuator/health/liveness", this.token).statusCode()).isEqualTo(200);
	}

}
