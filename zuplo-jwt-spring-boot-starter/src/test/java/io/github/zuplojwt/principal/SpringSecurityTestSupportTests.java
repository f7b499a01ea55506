package io.github.zuplojwt.principal;

import io.github.zuplojwt.support.boot.AutoConfigureMockMvc;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users' own controller tests keep using {@code spring-security-test}'s {@code jwt()}: a
 * {@code Jwt} parameter receives the mock token, and authorities work as in production.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api" })
@AutoConfigureMockMvc
class SpringSecurityTestSupportTests {

	@Autowired
	MockMvc mvc;

	@Test
	void jwtPostProcessorReachesAJwtParameter() throws Exception {
		this.mvc.perform(get("/protected").with(jwt().jwt((token) -> token.subject("test-consumer").claim("plan", "gold"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("Access granted"))
			.andExpect(jsonPath("$.user.sub").value("test-consumer"))
			.andExpect(jsonPath("$.user.plan").value("gold"));
	}

	@Test
	void jwtPostProcessorAuthoritiesMeetAuthorityChecks() throws Exception {
		this.mvc.perform(get("/admin").with(jwt().authorities(new SimpleGrantedAuthority("role:admin"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin").with(jwt())).andExpect(status().isForbidden());
	}

	@Test
	void withoutATokenTheStartersEntryPointAnswers() throws Exception {
		this.mvc.perform(get("/protected"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("a bearer token is required: send it in the Authorization header"));
	}

}
