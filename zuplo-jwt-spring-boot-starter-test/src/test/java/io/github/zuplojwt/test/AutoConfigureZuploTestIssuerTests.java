package io.github.zuplojwt.test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import io.github.zuplojwt.support.boot.AutoConfigureMockMvc;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.DelegatingSmartContextLoader;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.zuplojwt.test.ZuploMockMvc.zuploToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What {@code @AutoConfigureZuploTestIssuer} does to the application under test: it trusts
 * the test issuer instead of the issuer it configures, keeps the rest of its configuration
 * (which tokens then fit), yields to what the test itself sets, and changes nothing for tests
 * without it.
 */
class AutoConfigureZuploTestIssuerTests {

	private static final String CONFIGURED_ISSUER = "https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer";

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@AutoConfigureZuploTestIssuer
	class WithTheApplicationsConfiguration {

		@Autowired
		Environment environment;

		@Autowired
		ZuploTestIssuer issuer;

		@Autowired
		MockMvc mvc;

		@Test
		void theTestIssuerReplacesTheConfiguredIssuerAndItsKeySet() {
			assertThat(this.environment.getProperty("zuplo.issuer")).isEqualTo(this.issuer.issuer());
			assertThat(this.environment.getProperty("zuplo.jwks-uri")).isEqualTo(this.issuer.jwksUri());
		}

		@Test
		void tokensCarryTheConfiguredAudience() throws Exception {
			assertThat(this.environment.getProperty("zuplo.audiences")).isEqualTo("https://api.example.com");
			assertThat(SignedJWT.parse(this.issuer.token().sign()).getJWTClaimsSet().getAudience())
				.containsExactly("https://api.example.com");
		}

		@Test
		void theApplicationVerifiesWithTheTestIssuersKeys() throws Exception {
			this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token()))).andExpect(status().isOk());

			assertThat(this.issuer.keySetRequests()).isPositive();
		}

	}

	@Nested
	@SpringBootTest(properties = { "spring.config.name=no-application-configuration",
			"zuplo.required-claims.account=acme,globex", "zuplo.authorities-claim=plan" })
	@AutoConfigureMockMvc
	@AutoConfigureZuploTestIssuer
	class WithoutAnyZuploConfiguration {

		@Autowired
		Environment environment;

		@Autowired
		ZuploTestIssuer issuer;

		@Autowired
		MockMvc mvc;

		@Test
		void theApplicationAcceptsTheDefaultAudience() {
			assertThat(this.environment.getProperty("zuplo.issuer")).isEqualTo(this.issuer.issuer());
			assertThat(this.environment.getProperty("zuplo.audiences")).isEqualTo(ZuploTestIssuer.DEFAULT_AUDIENCE);
		}

		@Test
		void tokensCarryTheFirstValueOfEachRequiredClaim() throws Exception {
			assertThat(SignedJWT.parse(this.issuer.token().sign()).getJWTClaimsSet().getClaim("account"))
				.isEqualTo("acme");
			this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token()))).andExpect(status().isOk());
			this.mvc.perform(get("/orders").with(zuploToken(this.issuer.token().account("initech"))))
				.andExpect(status().isUnauthorized());
		}

	}

	@Nested
	@SpringBootTest(properties = "zuplo.issuer=https://staging-4d5e6f.zuplo.app/__zuplo/issuer")
	@AutoConfigureZuploTestIssuer
	class WhenTheTestSetsTheIssuer {

		@Autowired
		Environment environment;

		@Autowired
		ZuploTestIssuer issuer;

		@Test
		void theTestsIssuerStaysAndTheTestIssuerIsStillThere() {
			assertThat(this.environment.getProperty("zuplo.issuer"))
				.isEqualTo("https://staging-4d5e6f.zuplo.app/__zuplo/issuer");
			assertThat(this.environment.getProperty("zuplo.jwks-uri")).isNull();
			assertThat(this.issuer.issuer()).startsWith("http://127.0.0.1:");
		}

	}

	@Nested
	@SpringBootTest
	class WithoutTheAnnotation {

		@Autowired
		ApplicationContext context;

		@Test
		void nothingChanges() {
			assertThat(this.context.getBeanNamesForType(ZuploTestIssuer.class)).isEmpty();
			assertThat(this.context.getEnvironment().getProperty("zuplo.issuer")).isEqualTo(CONFIGURED_ISSUER);
		}

	}

	@Test
	void theIssuerClosesWithItsApplicationContext() throws Exception {
		ContextCustomizer customizer = new ZuploTestIssuerContextCustomizerFactory()
			.createContextCustomizer(WithTheApplicationsConfiguration.class, List.of());
		ZuploTestIssuer issuer;
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			customizer.customizeContext(context, new MergedContextConfiguration(getClass(), null, null, null,
					new DelegatingSmartContextLoader()));
			context.refresh();
			issuer = context.getBean(ZuploTestIssuer.class);
			assertThat(keySetStatus(issuer)).isEqualTo(200);
		}

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> keySetStatus(issuer));
	}

	@Test
	void onlyAnnotatedTestsGetAnIssuerAndTheyShareAContext() {
		ZuploTestIssuerContextCustomizerFactory factory = new ZuploTestIssuerContextCustomizerFactory();

		assertThat(factory.createContextCustomizer(WithoutTheAnnotation.class, List.of())).isNull();
		assertThat(factory.createContextCustomizer(WithTheApplicationsConfiguration.class, List.of()))
			.isEqualTo(factory.createContextCustomizer(WithoutAnyZuploConfiguration.class, List.of()))
			.hasSameHashCodeAs(factory.createContextCustomizer(WithoutAnyZuploConfiguration.class, List.of()));
	}

	private static int keySetStatus(ZuploTestIssuer issuer) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
