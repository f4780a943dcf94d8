"""Build hook: a platform wheel that carries the ``plotline`` binary and its fonts.

The metadata lives in pyproject.toml; this file only adds setuptools commands, the way
projects with a native part do when no dedicated backend exists for their language (ruff and uv
use maturin, which builds Rust; nothing like it builds Swift). What the hook does:

- ``build`` compiles the binary with ``swift build -c release --static-swift-stdlib --product
  plotline`` (the Swift runtime and FoundationEssentials linked in, so the installed tool runs
  without a Swift toolchain) with ``PKG_CONFIG_PATH`` at the pkg-config files that
  ``tools/static-libraries`` makes, so FreeType, libpng, zlib and libdeflate are linked in too: the
  tool needs only glibc and libstdc++ where it is installed (without their static archives it
  links the shared libraries, as before, and says so), and adds it as a
  *script*, which a wheel stores in ``plotline-<v>.data/scripts/``: pip installs it into the
  environment's ``bin/``, on its PATH. The fonts go in as data files, installed to
  ``<env>/share/plotline/Fonts``, where the binary looks (``../share/plotline/Fonts`` beside the
  executable, Sources/Text/FontLocator.swift). ``$PLOTLINE_WHEEL_BINARY`` names an already built
  binary to package instead (built by the same command; CI builds it once).
- ``bdist_wheel`` tags the wheel ``py3-none-<platform>``: any Python 3, one platform.
- ``sdist`` copies the Swift package (Package.swift, Sources, Tests, bench, Fonts) into
  ``swift/`` so a wheel built from the sdist (what ``python -m build`` does) finds it there.
- An editable install (``pip install -e``) builds nothing: the helper then uses the checkout's
  ``.build/release/plotline``.
"""

import glob
import os
import shutil
import subprocess
import sys

from setuptools import setup
from distutils.command.build_scripts import build_scripts as _build_scripts  # setuptools' own copy
from setuptools.command.bdist_wheel import bdist_wheel as _bdist_wheel
from setuptools.command.build import build as _build
from setuptools.command.sdist import sdist as _sdist

HERE = os.path.dirname(os.path.abspath(__file__))
SWIFT_PARTS = ["Package.swift", "Sources", "Tests", "bench", "Fonts", "tools"]


def swift_package():
    """The folder holding Package.swift: the checkout around python/, or swift/ in an sdist."""
    for candidate in (os.path.dirname(HERE), os.path.join(HERE, "swift")):
        if os.path.isfile(os.path.join(candidate, "Package.swift")):
            return candidate
    sys.exit("plotline: building the wheel needs the Swift package (Package.swift) in the folder above "
             f"python/ or in python/swift/; neither found from {HERE}")


def build_binary(package):
    """Path of the release ``plotline`` binary for the wheel, building it unless one is given."""
    given = os.environ.get("PLOTLINE_WHEEL_BINARY")
    if given:
        if not (os.path.isfile(given) and os.access(given, os.X_OK)):
            sys.exit(f"plotline: $PLOTLINE_WHEEL_BINARY is {given!r}, which is not an executable file")
        return os.path.abspath(given)
    swift = shutil.which("swift")
    if swift is None:
        sys.exit("plotline: building the wheel needs Swift 6 (`swift` on PATH) to compile the plotline binary; "
                 "installing the wheel afterwards does not")
    scratch = os.path.join(package, ".build", "wheel")
    env = dict(os.environ)
    made = subprocess.run(["bash", os.path.join(package, "tools", "static-libraries"), os.path.join(scratch, "static-pkgconfig")],
                          capture_output=True, text=True)
    if made.returncode == 0:
        env["PKG_CONFIG_PATH"] = made.stdout.strip()
    else:
        print("plotline: linking the shared C libraries (the installed tool will need libfreetype6, libpng16-16, "
              "libdeflate0 and zlib): " + made.stderr.strip(), flush=True)
    command = [swift, "build", "-c", "release", "--static-swift-stdlib", "--product", "plotline",
               "--package-path", package, "--scratch-path", scratch]
    print("plotline: " + " ".join(command), flush=True)
    subprocess.run(command, check=True, env=env)
    return os.path.join(scratch, "release", "plotline")


class build(_build):
    """Adds the compiled binary (a script) and the fonts (data files) before building."""

    def run(self):
        if not getattr(self, "editable_mode", False):
            package = swift_package()
            binary = build_binary(package)
            # setup() takes paths relative to this folder only: stage the files under build/.
            staged = os.path.join(self.build_base, "plotline-native")
            shutil.rmtree(staged, ignore_errors=True)
            os.makedirs(os.path.join(staged, "Fonts"))
            target = os.path.join(staged, "plotline")
            shutil.copy2(binary, target)
            if shutil.which("strip"):  # symbols only: 52 MB -> 23 MB
                subprocess.run(["strip", target], check=True)
            fonts = []
            for font in sorted(glob.glob(os.path.join(package, "Fonts", "*"))):
                fonts.append(os.path.join(staged, "Fonts", os.path.basename(font)))
                shutil.copy2(font, fonts[-1])
            relative = lambda path: os.path.relpath(path, HERE).replace(os.sep, "/")
            self.distribution.scripts = [relative(target)]
            self.distribution.data_files = [("share/plotline/Fonts", [relative(f) for f in fonts])]
        super().run()


class build_scripts(_build_scripts):
    """Copies scripts as they are: the standard one reads them as Python text to fix the ``#!``."""

    def copy_scripts(self):
        self.mkpath(self.build_dir)
        out = []
        for script in self.scripts:
            target = os.path.join(self.build_dir, os.path.basename(script))
            self.copy_file(script, target)
            os.chmod(target, 0o755)
            out.append(target)
        return out, out


class bdist_wheel(_bdist_wheel):
    """A platform wheel for any Python 3: the binary is native, the Python code is not."""

    def finalize_options(self):
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


class sdist(_sdist):
    """Carries the Swift package in ``swift/`` so the sdist can build its wheel."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        package = swift_package()
        target = os.path.join(base_dir, "swift")
        ignore = shutil.ignore_patterns(".build*", "*.actual.png", "*.diff.png", "__pycache__")
        for part in SWIFT_PARTS:
            source = os.path.join(package, part)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(target, part), ignore=ignore)
            else:
                os.makedirs(target, exist_ok=True)
                shutil.copy2(source, os.path.join(target, part))


setup(cmdclass={"build": build, "build_scripts": build_scripts, "bdist_wheel": bdist_wheel, "sdist": sdist})
