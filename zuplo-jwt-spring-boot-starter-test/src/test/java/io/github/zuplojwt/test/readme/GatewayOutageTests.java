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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's example of the failure paths: a key rotation the application follows, and a
 * gateway outage it answers with 503 until the keys are back.
 */
@SpringBootTest(properties = "zuplo.jwks.refresh-cooldown=0s")
@AutoConfigureMockMvc
@AutoConfigureZuploTestIssuer
class GatewayOutageTests {

	@Autowired MockMvc mvc;
	@Autowired ZuploTestIssuer issuer;

	@Test
	void theApplicationRidesOutAnOutageAndFollowsARotation() throws Exception {
		issuer.outage();
		mvc.perform(get("/orders").with(zuploToken(issuer.token())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Retry-After"));

		issuer.backToNormal();
		issuer.rotateKeys();
		mvc.perform(get("/orders").with(zuploToken(issuer.token()))).andExpect(status().isOk());
	}

}
