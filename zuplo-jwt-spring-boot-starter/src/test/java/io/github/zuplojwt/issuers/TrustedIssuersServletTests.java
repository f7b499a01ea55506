package io.github.zuplojwt.issuers;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link TrustedIssuersTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class TrustedIssuersServletTests extends TrustedIssuersTests {

}
