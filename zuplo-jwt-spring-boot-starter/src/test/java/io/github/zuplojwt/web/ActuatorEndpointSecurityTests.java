package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
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
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.protected-paths=/protected", "zuplo.public-paths=/actuator/info",
				"management.endpoints.web.exposure.include=health,info,metrics",
				"management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.liveness.additional-path=server:/livez" })
class ActuatorEndpointSecurityTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void healthAndItsProbeGroupsAnswerWithoutAToken(Stack stack) {
		assertThat(stack.http().get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(stack.http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(stack.http().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@StackTest
	void additionalHealthPathOnTheMainServerAnswersWithoutAToken(Stack stack) {
		HttpResponse<String> livez = stack.http().get("/livez");

		assertThat(livez.statusCode()).isEqualTo(200);
		assertThat(livez.body()).contains("\"status\":\"UP\"");
	}

	@StackTest
	void otherEndpointsNeedATokenEvenOutsideTheProtectedPaths(Stack stack) {
		HttpResponse<String> metrics = stack.http().get("/actuator/metrics");

		assertProblem(metrics, 401, "bearer token is required");
		assertThat(metrics.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertProblem(stack.http().get("/actuator"), 401, "bearer token is required");
	}

	@StackTest
	void otherEndpointsAnswerWithAValidToken(Stack stack) {
		assertThat(stack.http().getWithToken("/actuator/metrics", gateway.token().sign()).statusCode()).isEqualTo(200);
	}

	@StackTest
	void otherEndpointsRejectABadToken(Stack stack) {
		assertProblem(stack.http().getWithToken("/actuator/metrics", gateway.expiredToken()), 401, "expired");
	}

	@StackTest
	void anEndpointListedInThePublicPathsIsOpen(Stack stack) {
		assertThat(stack.http().get("/actuator/info").statusCode()).isEqualTo(200);
	}

	@StackTest
	void springBootsManagementChainBacksOffForTheStartersOne(Stack stack) {
		ConfigurableApplicationContext context = stack.context();
		List<String> declaredBy = new ArrayList<>();
		for (Class<?> chainType : new Class<?>[] { SecurityFilterChain.class, SecurityWebFilterChain.class }) {
			for (String name : context.getBeanNamesForType(chainType)) {
				BeanDefinition definition = context.getBeanFactory().getBeanDefinition(name);
				declaredBy.add(((AnnotatedBeanDefinition) definition).getFactoryMethodMetadata().getDeclaringClassName());
			}
		}

		assertThat(declaredBy).anySatisfy((type) -> assertThat(type).startsWith("io.github.zuplojwt.autoconfigure."))
			.noneSatisfy((type) -> assertThat(type).contains("ManagementWebSecurityAutoConfiguration"));
	}

}
