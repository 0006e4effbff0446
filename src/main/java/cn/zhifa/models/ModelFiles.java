package cn.zhifa.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.zhifa.platform.problem.Problem;

/**
 * The model files the engine runs: every {@code .bpmn}, {@code .dmn} and {@code .form} under
 * {@code processes/}, {@code dmn/} and {@code forms/}, keyed by their relative name
 * (e.g. {@code dmn/av-recording-list.dmn}), read either from a folder or from the copies in the jar.
 */
public record ModelFiles(String origin, Map<String, byte[]> files) {

	static final List<String> FOLDERS = List.of("processes", "dmn", "forms");
	static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

	/**
	 * The files uploaded in a multipart request (models to check or to submit), keyed by their file name (the part's
	 * name when the file has none); an unreadable file is a 400 problem.
	 */
	public static Map<String, byte[]> uploaded(MultipartHttpServletRequest request) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (List<MultipartFile> list : request.getMultiFileMap().values()) {
			for (MultipartFile file : list) {
				String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? file.getName()
						: file.getOriginalFilename();
				try {
					files.put(name, file.getBytes());
				}
				catch (IOException e) {
					throw Problem.unreadable("无法读取上传的文件“" + name + "”");
				}
			}
		}
		return files;
	}

	/** Reads models from {@code dir}; an unreadable folder is an error, a missing sub-folder is not. */
	public static ModelFiles fromDirectory(Path dir) {
		Map<String, byte[]> files = new TreeMap<>();
		for (String folder : FOLDERS) {
			Path sub = dir.resolve(folder);
			if (!Files.isDirectory(sub)) {
				continue;
			}
			try (Stream<Path> walk = Files.walk(sub)) {
				List<Path> paths = walk.filter(Files::isRegularFile).filter(ModelFiles::isModel).sorted().toList();
				for (Path p : paths) {
					files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read models under " + sub.toAbsolutePath(), e);
			}
		}
		return new ModelFiles(dir.toAbsolutePath().normalize().toString(), files);
	}

	/** Reads the copies the build puts into the jar under {@code models/}. */
	public static ModelFiles fromClasspath() {
		Map<String, byte[]> files = new TreeMap<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			List<Resource> resources = new ArrayList<>();
			for (String folder : FOLDERS) {
				resources.addAll(List.of(resolver.getResources("classpath*:models/" + folder + "/**/*")));
			}
			for (Resource r : resources) {
				String url = r.getURL().toString();
				int at = url.lastIndexOf("models/");
				String name = url.substring(at + "models/".length());
				if (r.isReadable() && isModel(Path.of(name))) {
					try (var in = r.getInputStream()) {
						files.put(name, in.readAllBytes());
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the models packaged in the application", e);
		}
		return new ModelFiles("classpath:models/", files);
	}

	private static boolean isModel(Path p) {
		String name = p.getFileName().toString();
		return SUFFIXES.stream().anyMatch(name::endsWith);
	}
}
