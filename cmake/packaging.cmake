# `cpack -G DEB` (script/package): one Debian package with both executables, the catalogues and the desktop
# files. Library dependencies come from dpkg-shlibdeps; the Qt plugins the app loads at run time (SVG for the
# window icon) are named here because no linker sees them.
set(CPACK_PACKAGE_NAME cmkwizard)
set(CPACK_PACKAGE_VENDOR "cmkwizard")
set(CPACK_PACKAGE_CONTACT "cmkwizard maintainers <cmkwizard@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Create Azure image versions encrypted with customer-managed keys")
set(CPACK_PACKAGE_DESCRIPTION
  "A Qt wizard that creates Azure Compute Gallery image versions encrypted with customer-managed keys (disk encryption sets), reviews existing ones, and creates virtual machines from them; every step is also a command-line subcommand. Includes armsandbox, a local stand-in for Azure Resource Manager.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY cmkwizard)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CMK_HOMEPAGE_URL}")
# Tests, benchmarks and fuzzers install nothing; only the components above end up in the package.
# cpack installs what script/package and the test built; it does not build the tests first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(CPack)
