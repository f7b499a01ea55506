package io.github.zuplojwt.web.servlet;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.ServletStack;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@link RequestRejectedHandler} answers the requests Spring
 * Security's firewall refuses, instead of the starter's.
 */
@ServletStack
@SpringBootTest(classes = { TestApplication.class, UserRequestRejectedHandlerTests.HandlerConfig.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "zuplo.issuer=https://gw.example/__zuplo/issuer")
class UserRequestRejectedHandlerTests {

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void usersHandlerReplacesTheStartersAndAnswersRefusedRequests() {
		assertThat(this.context.getBean(RequestRejectedHandler.class)).isSameAs(this.context.getBean("teapot"));
		assertThat(new HttpCalls(this.port).sendRaw("GET /protected;jsessionid=abc HTTP/1.1").status())
			.isEqualTo(418);
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfig {

		@Bean
		RequestRejectedHandler teapot() {
			return (request, response, exception) -> response.setStatus(418);
		}

	}

}
