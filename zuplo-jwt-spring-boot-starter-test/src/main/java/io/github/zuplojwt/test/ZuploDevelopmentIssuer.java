package io.github.zuplojwt.test;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Runs an application against a local issuer that stands for the Zuplo gateway, to try it
 * by hand with real tokens and no Zuplo account: the application trusts a
 * {@link ZuploTestIssuer} started with it, and a ready-to-paste {@code curl} with a freshly
 * signed token is logged once the application is ready. Spring Boot's test-run idiom, from
 * a class in {@code src/test/java} next to the application:
 *
 * <pre class="code">
 * public class TestOrdersApplication {
 *
 *     public static void main(String[] args) {
 *         SpringApplication.from(OrdersApplication::main).with(ZuploDevelopmentIssuer.class).run(args);
 *     }
 *
 * }
 * </pre>
 *
 * Then {@code ./mvnw spring-boot:test-run}. The test kit and this class are test-scoped, so
 * the packaged application never contains them: it trusts the issuer it is configured with.
 * It is not a {@code @Configuration}, so that no component scan can pick it up: only an
 * application given it explicitly runs against the local issuer.
 */
public class ZuploDevelopmentIssuer {

	private static final Log logger = LogFactory.getLog(ZuploDevelopmentIssuer.class);

	/**
	 * Starts the issuer and makes it the application's trusted issuer before any bean is
	 * created, in place of the one the application's configuration names.
	 */
	@Bean
	static BeanFactoryPostProcessor zuploDevelopmentIssuerStarter(ApplicationContext applicationContext) {
		return (ConfigurableListableBeanFactory beanFactory) -> {
			ConfigurableApplicationContext context = (ConfigurableApplicationContext) applicationContext;
			ZuploTestIssuer issuer = ZuploTestIssuer.startFor(context, true);
			logger.warn("A DEVELOPMENT-ONLY local issuer is running at " + issuer.issuer() + " and is the issuer this"
					+ " application trusts (ZuploDevelopmentIssuer); it signs tokens with keys that exist only in"
					+ " this process.");
			context.addApplicationListener((ApplicationListener<ApplicationReadyEvent>) (event) -> {
				if (event.getApplicationContext() == context) {
					logger.info(tryIt(issuer, context));
				}
			});
		};
	}

	/** A {@code curl} for the running application, with a token it accepts, valid for an hour. */
	private static String tryIt(ZuploTestIssuer issuer, ConfigurableApplicationContext context) {
		ApplicationSettings application = ApplicationSettings.of(context);
		String port = context.getEnvironment().getProperty("local.server.port", "8080");
		String header = application.bearer().headerName() + ": "
				+ application.headerValue(issuer.token().sign());
		return "Try a protected endpoint with a freshly signed token (valid for 1 hour):" + System.lineSeparator()
				+ System.lineSeparator() + "    curl -i -H \"" + header + "\" http://localhost:" + port + "/"
				+ System.lineSeparator();
	}

}
