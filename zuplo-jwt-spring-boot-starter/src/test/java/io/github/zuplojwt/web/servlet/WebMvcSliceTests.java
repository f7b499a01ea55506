package io.github.zuplojwt.web.servlet;

import io.github.zuplojwt.support.boot.WebMvcTest;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} slice loads the starter's security, so a controller test sees the
 * answers the running application gives: the starter's problem+json, not Spring Boot's
 * default chain with its HTTP Basic challenge.
 */
@WebMvcTest(controllers = TestApplication.class,
		properties = { "zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api" })
class WebMvcSliceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aRequestWithoutATokenGetsTheStartersProblemResponse() throws Exception {
		this.mvc.perform(get("/protected"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(content().json("""
					{"status":401,"title":"Unauthorized",
					 "detail":"a bearer token is required: send it in the Authorization header"}"""));
	}

	@Test
	void aBadTokenGetsTheStartersReason() throws Exception {
		this.mvc.perform(get("/protected").header("Authorization", "Bearer not-a-token"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")));
	}

	@Test
	void theStartersChainIsTheOnlyOne() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("zuploSecurityFilterChain");
	}

}
