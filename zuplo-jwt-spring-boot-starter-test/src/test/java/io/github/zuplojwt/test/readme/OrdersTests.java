package io.github.zuplojwt.test.readme;

import io.github.zuplojwt.support.boot.AutoConfigureMockMvc;
import io.github.zuplojwt.test.AutoConfigureZuploTestIssuer;
import io.github.zuplojwt.test.ZuploTestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.zuplojwt.test.ZuploMockMvc.zuploToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's Spring MVC example, as a user writes it: a signed token is accepted and an
 * expired one gets the starter's problem+json 401, in ten lines of test code.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureZuploTestIssuer
class OrdersTests {

	@Autowired MockMvc mvc;
	@Autowired ZuploTestIssuer issuer;

	@Test
	void signedTokensAreAcceptedAndExpiredOnesAreNot() throws Exception {
		mvc.perform(get("/orders").with(zuploToken(issuer.token()))).andExpect(status().isOk());
		mvc.perform(get("/orders").with(zuploToken(issuer.token().expired())))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("token expired"));
	}

}
