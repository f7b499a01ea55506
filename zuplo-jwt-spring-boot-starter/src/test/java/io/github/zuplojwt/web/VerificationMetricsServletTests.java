package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link VerificationMetricsTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class VerificationMetricsServletTests extends VerificationMetricsTests {

}
