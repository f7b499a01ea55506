package io.github.zuplojwt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link Gateway} for the test class and assigns it to the annotated
 * {@code static Gateway} field before the class's first test, as JUnit's {@code @TempDir}
 * does; stops it after the last. The application under test trusts it: a
 * {@code @SpringBootTest} gets its {@link Gateway#properties() properties}, as do both
 * applications of {@link BothStacks}; elsewhere pass them on, such as to
 * {@code ApplicationContextRunner.withPropertyValues}.
 * <pre class="code">
 * &#64;TestGateway(audience = "api")
 * static Gateway gateway;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GatewayExtension.class)
public @interface TestGateway {

	/**
	 * The audience the application accepts and the gateway's tokens carry; none by default,
	 * as the Upstream Zuplo JWT policy sets none unless told to.
	 */
	String audience() default "";

	/**
	 * Where the application finds this gateway among its trusted issuers: {@code zuplo} for
	 * {@code zuplo.issuer} and {@code zuplo.audiences}, an entry such as
	 * {@code zuplo.issuers[0]}, or empty for a gateway it does not trust.
	 */
	String trustedAs() default "zuplo";

	/**
	 * Whether the gateway serves its issuer and keys over https, with the certificate of
	 * {@link TlsFiles} (plain http stays open on {@link Gateway#httpBaseUrl()}).
	 */
	boolean https() default false;

}
