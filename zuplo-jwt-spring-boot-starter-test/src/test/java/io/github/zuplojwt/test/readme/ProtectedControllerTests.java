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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Quick start's test, as the README shows it: the gateway's token reaches the Quick
 * start's controller, an expired one gets the starter's 401.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureZuploTestIssuer
class ProtectedControllerTests {

	@Autowired MockMvc mvc;
	@Autowired ZuploTestIssuer issuer;

	@Test
	void theGatewaysTokenIsAcceptedAndAnExpiredOneIsNot() throws Exception {
		mvc.perform(get("/protected").with(zuploToken(issuer.token()))).andExpect(status().isOk());
		mvc.perform(get("/protected").with(zuploToken(issuer.token().expired())))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("token expired"));
	}

}
