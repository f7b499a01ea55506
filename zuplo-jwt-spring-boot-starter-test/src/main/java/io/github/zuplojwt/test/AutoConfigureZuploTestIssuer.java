package io.github.zuplojwt.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the application under test trust a {@link ZuploTestIssuer}, as
 * {@code @AutoConfigureTestDatabase} gives it a test database: one issuer is started for
 * each application context and closed with it, is the application's {@code zuplo.issuer}
 * (with its {@code zuplo.jwks-uri}), and is a bean the test can {@code @Autowired}.
 * <p>
 * Works with {@code @SpringBootTest}, {@code @WebMvcTest} and {@code @WebFluxTest}. The test
 * issuer replaces the issuer the application configures, unless the test itself sets
 * {@code zuplo.issuer} or {@code zuplo.issuers} (in {@code @SpringBootTest(properties = …)}
 * or {@code @TestPropertySource}). Without any {@code zuplo.audiences}, the application
 * accepts {@link ZuploTestIssuer#DEFAULT_AUDIENCE}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureZuploTestIssuer {

}
