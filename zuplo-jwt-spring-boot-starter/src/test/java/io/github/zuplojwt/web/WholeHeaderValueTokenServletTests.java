package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link WholeHeaderValueTokenTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class WholeHeaderValueTokenServletTests extends WholeHeaderValueTokenTests {

}
