from l10n.cli.app import main

main()
