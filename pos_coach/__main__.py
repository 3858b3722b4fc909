from pos_coach.cli import main

if __name__ == "__main__":  # not when a helper process re-imports this module
    main()
