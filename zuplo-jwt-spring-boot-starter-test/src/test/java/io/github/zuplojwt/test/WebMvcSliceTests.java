package io.github.zuplojwt.test;

import io.github.zuplojwt.support.boot.WebMvcTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.zuplojwt.test.ZuploMockMvc.zuploPrincipal;
import static io.github.zuplojwt.test.ZuploMockMvc.zuploToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} of one controller with the kit: a test issuer token is verified
 * as in the running application, and a test principal reaches the controller. (Without a
 * token, the starter's own slice tests show its problem+json.)
 */
@WebMvcTest(OrdersController.class)
@AutoConfigureZuploTestIssuer
class WebMvcSliceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void aTestIssuerTokenReachesTheController() throws Exception {
		this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().subject("consumer-7"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.consumer").value("consumer-7"));
	}

	@Test
	void anExpiredTokenGetsTheStartersReason() throws Exception {
		this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().expired())))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("token expired"));
	}

	@Test
	void aTestPrincipalIsAZuploPrincipal() throws Exception {
		this.mvc.perform(get("/me").with(zuploPrincipal(ZuploTokens.upstreamToken().claim("plan", "gold"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("ZuploPrincipal"))
			.andExpect(jsonPath("$.authorities[0]").value("plan:gold"));
	}

}
