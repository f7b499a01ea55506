package io.github.zuplojwt.adversarial;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link RejectionLoggingTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class RejectionLoggingServletTests extends RejectionLoggingTests {

}
