package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Actuator on the classpath, its endpoints are secured as Spring Boot's own management
 * security would secure them, by the starter's one filter chain on either stack: health and
 * its probe groups are open, every other endpoint needs a valid token even where
 * {@code zuplo.protected-paths} does not reach, unless {@code zuplo.public-paths} opens it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE, "zuplo.protected-paths=/protected",
				"zuplo.public-paths=/actuator/info", "management.endpoints.web.exposure.include=health,info,metrics",
				"management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.liveness.additional-path=server:/livez" })
abstract class ActuatorEndpointSecurityTests extends AbstractGatewayTokenTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void healthAndItsProbeGroupsAnswerWithoutAToken() {
		assertThat(this.http.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void additionalHealthPathOnTheMainServerAnswersWithoutAToken() {
		HttpResponse<String> livez = this.http.get("/livez");

		assertThat(livez.statusCode()).isEqualTo(200);
		assertThat(livez.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void otherEndpointsNeedATokenEvenOutsideTheProtectedPaths() {
		HttpResponse<String> metrics = this.http.get("/actuator/metrics");

		assertProblem(metrics, 401, "bearer token is required");
		assertThat(metrics.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertProblem(this.http.get("/actuator"), 401, "bearer token is required");
	}

	@Test
	void otherEndpointsAnswerWithAValidToken() {
		assertThat(this.http.getWithToken("/actuator/metrics", this.token).statusCode()).isEqualTo(200);
	}

	@Test
	void otherEndpointsRejectABadToken() {
		assertProblem(this.http.getWithToken("/actuator/metrics", expiredToken()), 401, "expired");
	}

	@Test
	void anEndpointListedInThePublicPathsIsOpen() {
		assertThat(this.http.get("/actuator/info").statusCode()).isEqualTo(200);
	}

	@Test
	void springBootsManagementChainBacksOffForTheStartersOne() {
		List<String> declaredBy = new ArrayList<>();
		for (Class<?> chainType : new Class<?>[] { SecurityFilterChain.class, SecurityWebFilterChain.class }) {
			for (String name : this.context.getBeanNamesForType(chainType)) {
				BeanDefinition definition = this.context.getBeanFactory().getBeanDefinition(name);
				declaredBy.add(((AnnotatedBeanDefinition) definition).getFactoryMethodMetadata().getDeclaringClassName());
			}
		}

		assertThat(declaredBy).anySatisfy((type) -> assertThat(type).startsWith("io.github.zuplojwt.autoconfigure."))
			.noneSatisfy((type) -> assertThat(type).contains("ManagementWebSecurityAutoConfiguration"));
	}

}
