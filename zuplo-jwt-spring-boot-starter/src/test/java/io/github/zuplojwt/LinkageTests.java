package io.github.zuplojwt;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.support.boot.SpringBootGeneration;
import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class, method and field that the core and this Spring Boot generation's adapter call
 * in the libraries (Spring, Nimbus, Micrometer, Reactor, Jakarta) exists on this generation's
 * class path, with the exact signature the code was compiled against. The suite runs on every
 * supported line, so this catches what the tests' own paths would miss: code compiled against
 * Spring Boot 4.1 that would not link on 3.5, such as a method whose parameter type changed.
 */
class LinkageTests {

	private static final List<String> LIBRARIES = List.of("org/springframework/", "com/nimbusds/", "io/micrometer/",
			"reactor/", "jakarta/");

	/** Code that applies only where a newer library is present, and why it may not link elsewhere. */
	private static final Map<String, String> GUARDED = Map.of("io.github.zuplojwt.internal.boot4.Boot4PrincipalConfiguration",
			"applies only with Spring Security 7.1 (JwtAuthenticationConverter$JwtAuthenticatedPrincipal)");

	private final ClassLoader loader = getClass().getClassLoader();

	@Test
	void theCoreLinksOnThisSpringBootGeneration() throws Exception {
		assertThat(unresolved(ZuploJwtAutoConfiguration.class)).isEmpty();
	}

	@Test
	void thisGenerationsAdapterLinksOnIt() throws Exception {
		assertThat(unresolved(SpringBootGeneration.ADAPTER)).isEmpty();
	}

	/** What the classes of the module that {@code anyClass} was compiled in call and cannot be found here. */
	private Set<String> unresolved(Class<?> anyClass) throws IOException, URISyntaxException {
		Set<String> unresolved = new TreeSet<>();
		for (byte[] bytes : classFiles(anyClass)) {
			ClassReader reader = new ClassReader(bytes);
			String from = reader.getClassName().replace('/', '.');
			if (GUARDED.keySet().stream().anyMatch((guarded) -> from.equals(guarded) || from.startsWith(guarded + "$"))) {
				continue;
			}
			reader.accept(new References((reference) -> {
				String problem = check(reference);
				if (problem != null) {
					unresolved.add(problem + " (used by " + from + ")");
				}
			}), ClassReader.SKIP_DEBUG);
		}
		return unresolved;
	}

	private String check(Reference reference) {
		if (LIBRARIES.stream().noneMatch(reference.owner()::startsWith)) {
			return null;
		}
		Class<?> owner;
		try {
			owner = Class.forName(reference.owner().replace('/', '.'), false, this.loader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return "class " + reference.owner();
		}
		return switch (reference.kind()) {
			case TYPE -> null;
			case FIELD -> hasField(owner, reference.name(), reference.descriptor()) ? null
					: "field " + reference.owner() + "." + reference.name();
			case METHOD -> hasMethod(owner, reference.name(), reference.descriptor()) ? null
					: "method " + reference.owner() + "." + reference.name() + reference.descriptor();
		};
	}

	private static boolean hasField(Class<?> owner, String name, String descriptor) {
		for (Class<?> type : hierarchy(owner)) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getName().equals(name) && Type.getDescriptor(field.getType()).equals(descriptor)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasMethod(Class<?> owner, String name, String descriptor) {
		if (name.equals("<init>")) {
			for (Constructor<?> constructor : owner.getDeclaredConstructors()) {
				if (Type.getConstructorDescriptor(constructor).equals(descriptor)) {
					return true;
				}
			}
			return false;
		}
		for (Class<?> type : hierarchy(owner)) {
			for (Method method : type.getDeclaredMethods()) {
				if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The type, its superclasses and every interface they implement. */
	private static List<Class<?>> hierarchy(Class<?> type) {
		List<Class<?>> all = new ArrayList<>();
		Set<Class<?>> seen = new HashSet<>();
		Deque<Class<?>> next = new ArrayDeque<>(List.of(type, Object.class));
		while (!next.isEmpty()) {
			Class<?> current = next.poll();
			if (seen.add(current)) {
				all.add(current);
				if (current.getSuperclass() != null) {
					next.add(current.getSuperclass());
				}
				next.addAll(List.of(current.getInterfaces()));
			}
		}
		return all;
	}

	/** The class files of the jar or classes directory {@code anyClass} was loaded from. */
	private static List<byte[]> classFiles(Class<?> anyClass) throws IOException, URISyntaxException {
		Path root = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<byte[]> classes = new ArrayList<>();
		if (Files.isDirectory(root)) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
					classes.add(Files.readAllBytes(file));
				}
			}
			return classes;
		}
		try (JarFile jar = new JarFile(root.toFile())) {
			for (var entry : jar.stream().filter((e) -> e.getName().endsWith(".class")).toList()) {
				try (InputStream in = jar.getInputStream(entry)) {
					classes.add(in.readAllBytes());
				}
			}
		}
		return classes;
	}

	/** One reference from compiled code to a class, a field or a method. */
	private record Reference(Kind kind, String owner, String name, String descriptor) {

		enum Kind {

			TYPE, FIELD, METHOD

		}

	}

	/** Collects the references of a class's code: instructions and the method handles of lambdas. */
	private static final class References extends ClassVisitor {

		private final java.util.function.Consumer<Reference> sink;

		References(java.util.function.Consumer<Reference> sink) {
			super(Opcodes.ASM9);
			this.sink = sink;
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			return new MethodVisitor(Opcodes.ASM9) {

				@Override
				public void visitTypeInsn(int opcode, String type) {
					if (!type.startsWith("[")) {
						References.this.sink.accept(new Reference(Reference.Kind.TYPE, type, null, null));
					}
				}

				@Override
				public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
					References.this.sink.accept(new Reference(Reference.Kind.FIELD, owner, fieldName, fieldDescriptor));
				}

				@Override
				public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
						boolean isInterface) {
					if (!owner.startsWith("[")) {
						References.this.sink
							.accept(new Reference(Reference.Kind.METHOD, owner, methodName, methodDescriptor));
					}
				}

				@Override
				public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
						Object... arguments) {
					for (Object argument : arguments) {
						if (argument instanceof Handle handle && handle.getTag() != Opcodes.H_GETFIELD
								&& handle.getTag() != Opcodes.H_PUTFIELD) {
							References.this.sink.accept(
									new Reference(Reference.Kind.METHOD, handle.getOwner(), handle.getName(),
											handle.getDesc()));
						}
					}
				}

			};
		}

	}

}
