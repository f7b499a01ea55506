package io.github.zuplojwt.test;

import io.github.zuplojwt.support.boot.AutoConfigureMockMvc;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static io.github.zuplojwt.test.ZuploMockMvc.zuploPrincipal;
import static io.github.zuplojwt.test.ZuploMockMvc.zuploRequestId;
import static io.github.zuplojwt.test.ZuploMockMvc.zuploToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Spring MVC application under {@code @SpringBootTest} with the kit: test issuer tokens go
 * through the application's real filter chain and verification, and test principals without
 * a signature reach controllers as the {@code ZuploPrincipal} and authorities the application
 * makes; the gateway's request id sent along reaches the application's log context and
 * the starter's problem bodies.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureZuploTestIssuer
class ZuploMockMvcTests {

	private static final String REQUEST_ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	@Autowired
	MockMvc mvc;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void aSignedTokenIsVerifiedAndReachesTheController() throws Exception {
		this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().subject("consumer-7"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.consumer").value("consumer-7"));
	}

	@Test
	void theControllerGetsAZuploPrincipalWithTheApplicationsAuthorities() throws Exception {
		this.mvc.perform(get("/me").with(zuploToken(this.issuer.token().claim("plan", "gold"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("ZuploPrincipal"))
			.andExpect(jsonPath("$.issuer").value(this.issuer.issuer()))
			.andExpect(jsonPath("$.audience[0]").value("https://api.example.com"))
			.andExpect(jsonPath("$.metadata.plan").value("gold"))
			.andExpect(jsonPath("$.authorities[0]").value("plan:gold"));
	}

	@Test
	void anIdentityTokenIsVerifiedToo() throws Exception {
		this.mvc.perform(get("/me").with(zuploToken(this.issuer.identityToken().account("acme"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.account").value("acme"))
			.andExpect(jsonPath("$.environmentType").value("production"));
	}

	@Test
	void anExpiredTokenGetsTheProblemResponse() throws Exception {
		assertInvalidToken(this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().expired()))),
				"token expired");
	}

	@Test
	void aTokenForAnotherBackendGetsTheProblemResponse() throws Exception {
		assertInvalidToken(this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().wrongAudience()))),
				"token audience is not accepted");
	}

	@Test
	void aTokenFromAnotherIssuerGetsTheProblemResponse() throws Exception {
		assertInvalidToken(this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().otherIssuer()))),
				"token issuer is not trusted");
	}

	@Test
	void aTokenSignedWithAnUnpublishedKeyGetsTheProblemResponse() throws Exception {
		assertInvalidToken(this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().unpublishedKey()))),
				"token signature is not valid");
		assertInvalidToken(
				this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().unpublishedKey().keyId()))),
				"no trusted signing key");
	}

	@Test
	void aMissingAuthorityIsForbidden() throws Exception {
		this.mvc.perform(get("/gold").with(zuploToken(this.issuer.token().claim("plan", "silver"))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"));
		this.mvc.perform(get("/gold").with(zuploToken(this.issuer.token().claim("plan", "gold"))))
			.andExpect(status().isOk());
	}

	@Test
	void aTestPrincipalIsAZuploPrincipalWithTheApplicationsAuthorities() throws Exception {
		this.mvc.perform(get("/me").with(zuploPrincipal(ZuploTokens.upstreamToken().subject("alice").claim("plan", "gold"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("ZuploPrincipal"))
			.andExpect(jsonPath("$.name").value("alice"))
			.andExpect(jsonPath("$.consumer").value("alice"))
			.andExpect(jsonPath("$.audience[0]").value("https://api.example.com"))
			.andExpect(jsonPath("$.authorities[0]").value("plan:gold"));
	}

	@Test
	void aTestPrincipalMeetsAuthorityChecksAsTheApplicationMapsThem() throws Exception {
		MvcResult gold = this.mvc.perform(get("/gold").with(zuploPrincipal(ZuploTokens.upstreamToken().subject("alice").claim("plan", "gold"))))
			.andReturn();
		this.mvc.perform(asyncDispatch(gold))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("Welcome to the gold plan, alice"));
		this.mvc.perform(get("/gold").with(zuploPrincipal())).andExpect(status().isForbidden());
	}

	@Test
	void aTestPrincipalFromAnIdentityTokenHasItsClaims() throws Exception {
		this.mvc.perform(get("/me").with(zuploPrincipal(this.issuer.identityToken().project("orders"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("ZuploPrincipal"))
			.andExpect(jsonPath("$.project").value("orders"))
			.andExpect(jsonPath("$.account").value("test-account"));
	}

	@Test
	void withoutATokenTheStartersProblemResponseAnswers() throws Exception {
		this.mvc.perform(get("/orders"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void theGatewaysRequestIdReachesTheApplicationsLogContext() throws Exception {
		this.mvc.perform(get("/request-id").with(zuploToken(this.issuer.token())).with(zuploRequestId(REQUEST_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requestId").value(REQUEST_ID));
	}

	@Test
	void aRefusedRequestsProblemQuotesTheGatewaysRequestId() throws Exception {
		assertInvalidToken(this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().expired()))
			.with(zuploRequestId(REQUEST_ID))), "token expired")
			.andExpect(jsonPath("$.trace.requestId").value(REQUEST_ID));
		this.mvc.perform(get("/orders").with(zuploRequestId(REQUEST_ID)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("zp-rid"))
			.andExpect(jsonPath("$.trace.requestId").value(REQUEST_ID));
	}

	@Test
	void anIdThatIsNoUuidIsIgnored() throws Exception {
		this.mvc.perform(get("/orders").with(zuploRequestId("not-a-request-id")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(content().string(not(containsString("not-a-request-id"))));
	}

	private static ResultActions assertInvalidToken(ResultActions result, String detail) throws Exception {
		return result.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

}
