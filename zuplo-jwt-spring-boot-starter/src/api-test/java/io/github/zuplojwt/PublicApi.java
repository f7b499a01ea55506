package io.github.zuplojwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one published module, read from its compiled classes: every public type
 * outside {@value #INTERNAL}, with its public and protected constructors, methods and fields,
 * one sorted line each ({@code type#member(parameters) = modifiers type}). Tests compare it
 * with the module's checked-in {@value #FILE}, so that a change to the API is a visible
 * decision, and check that no signature in it exposes a type users cannot rely on.
 */
public final class PublicApi {

	/** The package whose types and subpackages may change in any release. */
	public static final String INTERNAL = "io.github.zuplojwt.internal";

	/** The checked-in API of a module: in its {@code src/test/resources}, read from the class path. */
	public static final String FILE = "public-api.txt";

	/** With {@code -Dzuplo.api.update=true} the test rewrites {@value #FILE} instead of failing. */
	public static final String UPDATE_PROPERTY = "zuplo.api.update";

	private static final String ROOT = "io.github.zuplojwt.";

	/** The modifiers that are API; of a method's flags, varargs and bridge share bits with others. */
	private static final int API_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
			| Modifier.ABSTRACT;

	private final String module;

	private final List<Class<?>> types;

	private PublicApi(String module, List<Class<?>> types) {
		this.module = module;
		this.types = types;
	}

	/**
	 * Reads the public API of the module that {@code anyClass} was compiled in: its classes
	 * directory or jar, wherever the class path has it.
	 * @param anyClass a class of the module
	 * @param module the module's directory name, to say where its {@value #FILE} lives
	 */
	public static PublicApi of(Class<?> anyClass, String module) {
		List<Class<?>> types = new ArrayList<>();
		for (String name : classNames(anyClass)) {
			if (name.startsWith(ROOT) && !name.startsWith(INTERNAL + ".")) {
				Class<?> type = load(name, anyClass.getClassLoader());
				if (isApi(type)) {
					types.add(type);
				}
			}
		}
		return new PublicApi(module, types);
	}

	/** The API, one line per type and per member, sorted. */
	public List<String> lines() {
		Set<String> lines = new TreeSet<>();
		for (Class<?> type : this.types) {
			lines.add(type.getName() + " = " + declaration(type));
			for (Member member : members(type)) {
				lines.add(key(member) + " = " + signature(member));
			}
		}
		return List.copyOf(lines);
	}

	/**
	 * Where this API exposes types that are not API (internal or not public): the type or
	 * member key ({@code type#member(parameters)}) to the types it exposes, sorted.
	 */
	public Map<String, Set<String>> hiddenTypesExposed() {
		Map<String, Set<String>> exposed = new TreeMap<>();
		for (Class<?> type : this.types) {
			List<Type> declared = new ArrayList<>();
			declared.add(type.getGenericSuperclass());
			declared.addAll(Arrays.asList(type.getGenericInterfaces()));
			declared.addAll(Arrays.asList(type.getTypeParameters()));
			recordHidden(exposed, type.getName(), declared);
			for (Member member : members(type)) {
				recordHidden(exposed, key(member), signatureTypes(member));
			}
		}
		return exposed;
	}

	/**
	 * Fails unless the API equals the module's {@value #FILE}, saying which lines were added
	 * and removed and how to accept the change. Writes the API read now to
	 * {@code target/public-api.txt}; with {@code -Dzuplo.api.update=true}, run in the module
	 * that owns it, rewrites {@code src/test/resources/public-api.txt} (which must exist)
	 * instead of failing.
	 */
	public void assertRecorded() {
		List<String> actual = lines();
		write(Path.of("target", FILE), actual);
		Path source = Path.of("src", "test", "resources", FILE);
		if (Boolean.getBoolean(UPDATE_PROPERTY) && Files.isRegularFile(source)) {
			write(source, actual);
			return;
		}
		List<String> recorded = recorded();
		Set<String> added = new LinkedHashSet<>(actual);
		added.removeAll(recorded);
		Set<String> removed = new LinkedHashSet<>(recorded);
		removed.removeAll(actual);
		if (!added.isEmpty() || !removed.isEmpty()) {
			throw new AssertionError(difference(added, removed));
		}
	}

	/**
	 * Fails if a public signature of the API exposes a type that is not API: one in
	 * {@value #INTERNAL}, or one that is not public.
	 */
	public void assertExposesNoHiddenTypes() {
		List<String> problems = new ArrayList<>();
		hiddenTypesExposed()
			.forEach((key, hidden) -> problems.add("  " + key + " exposes " + String.join(", ", hidden)));
		if (!problems.isEmpty()) {
			throw new AssertionError("The public API of " + this.module + " exposes types users cannot rely on"
					+ " (in " + INTERNAL + ", or not public):\n" + String.join("\n", problems)
					+ "\nMake the type API, or keep it out of public signatures.");
		}
	}

	private String difference(Set<String> added, Set<String> removed) {
		StringBuilder message = new StringBuilder("The public API of " + this.module + " differs from "
				+ this.module + "/src/test/resources/" + FILE + ".\n");
		message.append("Added (").append(added.size()).append("):\n");
		added.forEach((line) -> message.append("  + ").append(line).append('\n'));
		message.append("Removed (").append(removed.size()).append("):\n");
		removed.forEach((line) -> message.append("  - ").append(line).append('\n'));
		message.append("If the change is deliberate, accept it: run\n  ./mvnw -pl ")
			.append(this.module)
			.append(" -am verify -Dtest=PublicApiTests -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip=true -D")
			.append(UPDATE_PROPERTY)
			.append("=true\nwhich rewrites that file (or copy ")
			.append(this.module)
			.append("/target/")
			.append(FILE)
			.append(" over it), and commit it with the change and a line in CHANGELOG.md.");
		return message.toString();
	}

	private static List<String> recorded() {
		try (InputStream in = PublicApi.class.getResourceAsStream("/" + FILE)) {
			if (in == null) {
				return List.of();
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> classNames(Class<?> anyClass) {
		Path location;
		try {
			location = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		if (Files.isDirectory(location)) {
			try (Stream<Path> files = Files.walk(location)) {
				return files.map((file) -> location.relativize(file).toString().replace('\\', '/'))
					.map(PublicApi::className)
					.filter((name) -> name != null)
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			return jar.stream().map((entry) -> className(entry.getName())).filter((name) -> name != null).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String className(String path) {
		if (!path.endsWith(".class") || path.endsWith("module-info.class") || path.endsWith("package-info.class")) {
			return null;
		}
		return path.substring(0, path.length() - ".class".length()).replace('/', '.');
	}

	private static Class<?> load(String name, ClassLoader classLoader) {
		try {
			return Class.forName(name, false, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("cannot load " + name, ex);
		}
	}

	/** Whether users can name the type: public (or protected in an API type), not local, not internal. */
	private static boolean isApi(Class<?> type) {
		if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()
				|| type.getName().startsWith(INTERNAL + ".")) {
			return false;
		}
		int modifiers = type.getModifiers();
		Class<?> enclosing = type.getEnclosingClass();
		if (enclosing == null) {
			return Modifier.isPublic(modifiers);
		}
		return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && isApi(enclosing);
	}

	private static List<Member> members(Class<?> type) {
		List<Member> members = new ArrayList<>();
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			members.add(constructor);
		}
		for (Method method : type.getDeclaredMethods()) {
			if (!method.isBridge()) {
				members.add(method);
			}
		}
		members.addAll(Arrays.asList(type.getDeclaredFields()));
		return members.stream()
			.filter((member) -> !member.isSynthetic())
			.filter((member) -> Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()))
			.toList();
	}

	private static String declaration(Class<?> type) {
		int modifiers = type.getModifiers() & API_MODIFIERS;
		String kind;
		if (type.isAnnotation()) {
			kind = "@interface";
			modifiers &= ~Modifier.ABSTRACT;
		}
		else if (type.isInterface()) {
			kind = "interface";
			modifiers &= ~Modifier.ABSTRACT;
		}
		else if (type.isEnum()) {
			kind = "enum";
		}
		else if (type.isRecord()) {
			kind = "record";
		}
		else {
			kind = "class";
		}
		StringBuilder declaration = new StringBuilder(words(Modifier.toString(modifiers), kind));
		declaration.append(typeParameters(type.getTypeParameters()));
		Type superclass = type.getGenericSuperclass();
		if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
			declaration.append(" extends ").append(typeName(superclass));
		}
		List<Type> interfaces = type.isAnnotation() ? List.of() : Arrays.asList(type.getGenericInterfaces());
		if (!interfaces.isEmpty()) {
			declaration.append(type.isInterface() ? " extends " : " implements ").append(typeNames(interfaces));
		}
		return declaration.toString();
	}

	private static String key(Member member) {
		String owner = member.getDeclaringClass().getName();
		if (member instanceof Field field) {
			return owner + "#" + field.getName();
		}
		Executable executable = (Executable) member;
		String name = (executable instanceof Constructor) ? "<init>" : executable.getName();
		Type[] parameters = executable.getGenericParameterTypes();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < parameters.length; i++) {
			String parameter = typeName(parameters[i]);
			if (executable.isVarArgs() && i == parameters.length - 1) {
				parameter = parameter.substring(0, parameter.length() - 2) + "...";
			}
			names.add(parameter);
		}
		return owner + "#" + name + "(" + String.join(", ", names) + ")";
	}

	private static String signature(Member member) {
		String modifiers = Modifier.toString(member.getModifiers() & API_MODIFIERS);
		if (member instanceof Field field) {
			return words(modifiers, typeName(field.getGenericType()));
		}
		Executable executable = (Executable) member;
		if (executable instanceof Method method && method.isDefault()) {
			modifiers = words(modifiers, "default");
		}
		String signature = words(modifiers, typeParameters(executable.getTypeParameters()).strip());
		if (executable instanceof Method method) {
			signature = words(signature, typeName(method.getGenericReturnType()));
		}
		Type[] exceptions = executable.getGenericExceptionTypes();
		if (exceptions.length > 0) {
			signature = signature + " throws " + typeNames(Arrays.asList(exceptions));
		}
		return signature;
	}

	private static List<Type> signatureTypes(Member member) {
		List<Type> types = new ArrayList<>();
		if (member instanceof Field field) {
			types.add(field.getGenericType());
			return types;
		}
		Executable executable = (Executable) member;
		types.addAll(Arrays.asList(executable.getGenericParameterTypes()));
		types.addAll(Arrays.asList(executable.getGenericExceptionTypes()));
		types.addAll(Arrays.asList(executable.getTypeParameters()));
		if (executable instanceof Method method) {
			types.add(method.getGenericReturnType());
		}
		return types;
	}

	private static void recordHidden(Map<String, Set<String>> exposed, String key, Collection<Type> types) {
		Set<Class<?>> referenced = new LinkedHashSet<>();
		Set<TypeVariable<?>> seen = new LinkedHashSet<>();
		types.forEach((type) -> collect(type, referenced, seen));
		Set<String> hidden = referenced.stream()
			.filter((type) -> type.getName().startsWith(ROOT) && !isApi(type))
			.map(Class::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		if (!hidden.isEmpty()) {
			exposed.put(key, hidden);
		}
	}

	private static void collect(Type type, Set<Class<?>> into, Set<TypeVariable<?>> seen) {
		if (type instanceof Class<?> raw) {
			Class<?> component = raw;
			while (component.isArray()) {
				component = component.getComponentType();
			}
			into.add(component);
		}
		else if (type instanceof ParameterizedType parameterized) {
			collect(parameterized.getRawType(), into, seen);
			if (parameterized.getOwnerType() != null) {
				collect(parameterized.getOwnerType(), into, seen);
			}
			Arrays.stream(parameterized.getActualTypeArguments()).forEach((argument) -> collect(argument, into, seen));
		}
		else if (type instanceof WildcardType wildcard) {
			Arrays.stream(wildcard.getUpperBounds()).forEach((bound) -> collect(bound, into, seen));
			Arrays.stream(wildcard.getLowerBounds()).forEach((bound) -> collect(bound, into, seen));
		}
		else if (type instanceof GenericArrayType array) {
			collect(array.getGenericComponentType(), into, seen);
		}
		else if (type instanceof TypeVariable<?> variable && seen.add(variable)) {
			Arrays.stream(variable.getBounds()).forEach((bound) -> collect(bound, into, seen));
		}
	}

	private static String typeParameters(TypeVariable<?>[] parameters) {
		if (parameters.length == 0) {
			return "";
		}
		List<String> declared = new ArrayList<>();
		for (TypeVariable<?> parameter : parameters) {
			List<Type> bounds = Arrays.stream(parameter.getBounds()).filter((bound) -> bound != Object.class).toList();
			declared.add(bounds.isEmpty() ? parameter.getName() : parameter.getName() + " extends "
					+ bounds.stream().map(PublicApi::typeName).collect(Collectors.joining(" & ")));
		}
		return " <" + String.join(", ", declared) + ">";
	}

	private static String typeNames(List<Type> types) {
		return types.stream().map(PublicApi::typeName).collect(Collectors.joining(", "));
	}

	/** A type as written in source, with {@code java.lang.} left out for brevity. */
	private static String typeName(Type type) {
		return type.getTypeName().replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
	}

	private static String words(String first, String second) {
		if (first.isEmpty()) {
			return second;
		}
		return second.isEmpty() ? first : first + " " + second;
	}

}
