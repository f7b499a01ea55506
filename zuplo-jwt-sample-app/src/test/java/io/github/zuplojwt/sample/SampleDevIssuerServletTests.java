package io.github.zuplojwt.sample;

/**
 * {@link SampleDevIssuerTests} for the sample on Spring MVC (Tomcat).
 */
class SampleDevIssuerServletTests extends SampleDevIssuerTests {

}
