package io.github.zuplojwt.test;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;
import io.github.zuplojwt.support.boot.AutoConfigureMockMvc;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.zuplojwt.test.ZuploMockMvc.zuploToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application that trusts Zuplo's Identity Token issuer with its account and project
 * pinned, as it must, tested with the kit: the test issuer stands in for Zuplo's, and its
 * Identity Tokens carry the pinned values by default, so they are accepted, while one of
 * another account is refused as in production.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureZuploTestIssuer
@ActiveProfiles("identity-tokens")
class PinnedIdentityTokenTests {

	private static final String IDENTITY_ISSUER = "https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD";

	@Autowired
	MockMvc mvc;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void theApplicationsOwnConfigurationStartsWithoutTheKit() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class))
			.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.profiles.active=identity-tokens")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ZuploJwtProperties.class).getIssuer()).hasToString(IDENTITY_ISSUER);
			});
	}

	@Test
	void theKitsIdentityTokenCarriesThePinnedAccountAndProjectAndIsAccepted() throws Exception {
		this.mvc.perform(get("/me").with(zuploToken(this.issuer.identityToken())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.account").value("acme-corp"))
			.andExpect(jsonPath("$.project").value("billing-api"));
	}

	@Test
	void anIdentityTokenOfAnotherAccountIsRefused() throws Exception {
		this.mvc.perform(get("/me").with(zuploToken(this.issuer.identityToken().account("globex"))))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"token claim account has a value that is not accepted\"")))
			.andExpect(jsonPath("$.detail").value("token claim account has a value that is not accepted"));
	}

}
