package cn.zhifa.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Runs the engine's REST API with a context class loader that remembers the service files ({@code META-INF/services/…})
 * it has been asked for. Camunda's REST resources look their process engine up through {@code ServiceLoader} each time
 * one is created — several per request ({@code EngineUtil.lookupProcessEngine}) — and each look-up searched every jar
 * of the application for {@code META-INF/services/org.camunda.bpm.engine.rest.spi.ProcessEngineProvider}: 2.5 % of the
 * JVM's CPU in a whole case (docs/performance.md, 2026-12-03), and then read the file found out of its nested jar. The
 * application's jars do not change while it runs, so the first answer — the files found and what they say — stays
 * right; classes and every other resource come from the application's class loader as before.
 * <p>
 * One kind of name is answered at once: a generic type's name ({@code java.util.HashMap<java.lang.Object,
 * java.lang.Object>}), which no class has. Spin names the type of an object variable so (a decision's result kept as
 * a variable: the discretion, the major-decision catalogue, the hearing and disclosure rules) and, to read one, first
 * asks the context class loader for a class of that name: the search went through every jar of the application
 * before it failed, at every read — 4 % of a whole case's JVM samples (docs/performance.md, 2026-12-05) — and Spin then
 * reads the name as a generic type, as it still does.
 */
final class ServiceFileCache implements Filter {

	private final Map<ClassLoader, Loader> loaders = new ConcurrentHashMap<>();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Thread thread = Thread.currentThread();
		ClassLoader application = thread.getContextClassLoader();
		if (application == null || application instanceof Loader) {
			chain.doFilter(request, response);
			return;
		}
		thread.setContextClassLoader(loaders.computeIfAbsent(application, Loader::new));
		try {
			chain.doFilter(request, response);
		}
		finally {
			thread.setContextClassLoader(application);
		}
	}

	/** The application's class loader, with the service files it was asked for remembered. */
	static final class Loader extends ClassLoader {

		private static final String SERVICES = "META-INF/services/";

		static {
			registerAsParallelCapable();
		}

		private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

		Loader(ClassLoader application) {
			super(application);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.indexOf('<') >= 0) {
				throw new ClassNotFoundException(name + " is a generic type's name, not a class's");
			}
			return getParent().loadClass(name);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (!name.startsWith(SERVICES)) {
				return getParent().getResources(name);
			}
			List<URL> files = serviceFiles.get(name);
			if (files == null) {
				files = new ArrayList<>();
				for (URL found : Collections.list(getParent().getResources(name))) {
					files.add(read(found));
				}
				files = List.copyOf(files);
				serviceFiles.put(name, files);
			}
			return Collections.enumeration(files);
		}

		/** The same address, answering with the content the file had when first read. */
		private static URL read(URL file) throws IOException {
			byte[] content;
			try (InputStream in = file.openStream()) {
				content = in.readAllBytes();
			}
			@SuppressWarnings("deprecation") // URL(URL, String, URLStreamHandler): the only way to give a URL its handler on Java 17
			URL remembered = new URL(null, file.toString(), new URLStreamHandler() {
				@Override
				protected URLConnection openConnection(URL url) {
					return new URLConnection(url) {
						@Override
						public void connect() {
						}

						@Override
						public InputStream getInputStream() {
							return new ByteArrayInputStream(content);
						}
					};
				}
			});
			return remembered;
		}

		@Override
		public URL getResource(String name) {
			return getParent().getResource(name);
		}
	}
}
