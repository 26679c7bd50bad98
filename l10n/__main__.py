from l10n.cli import main

main()
