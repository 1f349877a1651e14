package io.mesosevents.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads a Java properties file into an ordered map, failing with a message that names the file's purpose. */
final class PropertiesFiles {

    private PropertiesFiles() {
    }

    /** @param purpose what the file is for, e.g. "Kafka config file", used in error messages */
    static Map<String, String> read(Path file, String purpose) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new InvalidSettingException(purpose + " " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidSettingException("Cannot read " + purpose + " " + file + ": " + e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name.trim(), properties.getProperty(name).trim()));
        return values;
    }
}
