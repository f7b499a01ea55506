package io.github.zuplojwt.adversarial;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link BearerTokenParsingTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class BearerTokenParsingServletTests extends BearerTokenParsingTests {

}
