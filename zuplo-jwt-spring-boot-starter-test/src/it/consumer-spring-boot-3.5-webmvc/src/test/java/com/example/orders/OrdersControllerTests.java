package com.example.orders;

import static io.github.zuplojwt.test.ZuploMockMvc.zuploPrincipal;
import static io.github.zuplojwt.test.ZuploMockMvc.zuploToken;
import static io.github.zuplojwt.test.ZuploTokens.upstreamToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.zuplojwt.test.AutoConfigureZuploTestIssuer;
import io.github.zuplojwt.test.ZuploTestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A controller slice on Spring Boot 3.5: {@code @WebMvcTest} loads the starter's security
 * under Spring Boot 3's annotation names, so no token gets the starter's problem+json 401
 * (not Spring Boot's HTTP Basic challenge), and spring-security-test's {@code jwt()} and the
 * test kit's tokens and principals are accepted.
 */
@WebMvcTest(OrdersApplication.OrdersController.class)
@AutoConfigureZuploTestIssuer
class OrdersControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void withoutATokenTheStarterAnswers401() throws Exception {
		this.mvc.perform(get("/protected"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void springSecurityTestsJwtIsAccepted() throws Exception {
		this.mvc.perform(get("/protected").with(jwt())).andExpect(status().isOk());
	}

	@Test
	void aSignedTokenOfTheTestIssuerIsAccepted() throws Exception {
		this.mvc.perform(get("/protected").with(zuploToken(this.issuer.token())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("Access granted"));
	}

	@Test
	void aTestPrincipalIsAZuploPrincipal() throws Exception {
		this.mvc.perform(get("/me").with(zuploPrincipal(upstreamToken().subject("alice"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("alice"))
			.andExpect(jsonPath("$.consumer").value("alice"));
	}

}
