package io.github.zuplojwt.test;

import io.github.zuplojwt.support.boot.AutoConfigureMockMvc;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.zuplojwt.test.ZuploMockMvc.zuploToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The paths users test with the issuer's key rotation and simulated outages, through the
 * application's real key fetching: a rotated key is fetched and accepted, and a key set that
 * cannot be fetched gives the starter's 503 until the issuer is back. A cooldown of zero lets
 * every request try the key set again; short timeouts keep a hang short.
 */
@SpringBootTest(properties = { "zuplo.jwks.refresh-cooldown=0s", "zuplo.jwks.connect-timeout=300ms",
		"zuplo.jwks.read-timeout=300ms" })
@AutoConfigureMockMvc
@AutoConfigureZuploTestIssuer
class KeyRotationAndOutageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void aRotatedKeyIsFetchedAndTokensOfThePreviousKeyKeepWorking() throws Exception {
		String beforeRotation = this.issuer.token().sign();
		this.mvc.perform(get("/orders").with(zuploToken(beforeRotation))).andExpect(status().isOk());

		this.issuer.rotateKeys();

		this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token()))).andExpect(status().isOk());
		this.mvc.perform(get("/orders").with(zuploToken(beforeRotation))).andExpect(status().isOk());
	}

	@Test
	@DirtiesContext
	void anOutageBeforeAnyKeyWasFetchedIsA503UntilTheIssuerIsBack() throws Exception {
		this.issuer.outage();

		assertKeysUnavailable();

		this.issuer.backToNormal();

		this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token()))).andExpect(status().isOk());
	}

	@Test
	@DirtiesContext
	void aHangingIssuerIsA503WithinTheFetchTimeouts() throws Exception {
		this.issuer.hang();

		assertKeysUnavailable();

		this.issuer.backToNormal();

		this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token()))).andExpect(status().isOk());
	}

	private void assertKeysUnavailable() throws Exception {
		this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("signing keys of the issuer cannot be obtained right now; try again later"));
	}

}
